using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Tests.Rollouts;

public class PodTemplatesTests
{
    [Theory]
    [InlineData("""{"metadata":{"labels":{"app":"a","pod-template-hash":"x"}},"spec":{}}""", """{"metadata":{"labels":{"app":"a"}}}""", true)]
    [InlineData("""{"metadata":{"creationTimestamp":null,"labels":{"app":"a"}}}""", """{"metadata":{"labels":{"app":"a"}},"spec":{"volumes":[]}}""", true)]
    [InlineData("""{"spec":{"terminationGracePeriodSeconds":30}}""", """{"spec":{"terminationGracePeriodSeconds":30.0}}""", true)]
    [InlineData("""{"spec":{"containers":[{"name":"a","image":"x:1"}]}}""", """{"spec":{"containers":[{"image":"x:1","name":"a"}]}}""", true)]
    [InlineData("""{"spec":{"containers":[{"name":"a","image":"x:1"}]}}""", """{"spec":{"containers":[{"name":"a","image":"x:2"}]}}""", false)]
    [InlineData("""{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}""", false)]
    [InlineData("""{"spec":{"hostNetwork":false}}""", """{"spec":{}}""", false)]
    public void Equality_ignores_the_hash_and_nil_versus_empty_like_kubectl(string a, string b, bool equal) =>
        Assert.Equal(equal, PodTemplates.EqualIgnoringHash(JsonNode.Parse(a), JsonNode.Parse(b)));

    [Fact]
    public void Images_lists_containers_then_init_containers()
    {
        var template = JsonNode.Parse("""{"spec":{"initContainers":[{"name":"migrate","image":"m:1"}],"containers":[{"name":"app","image":"a:1"},{"name":"proxy","image":"p:1"}]}}""");
        Assert.Equal(["app=a:1", "proxy=p:1", "init:migrate=m:1"], PodTemplates.Images(template).Select(i => i.ToString()));
    }
}
