using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Tests.Rollouts;

public class LabelSelectorTests
{
    [Theory]
    [InlineData("""{"matchLabels":{"app":"web"}}""", "app=web")]
    [InlineData("""{"matchLabels":{"tier":"web","app":"web"}}""", "app=web,tier=web")]
    [InlineData("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["web","api","web"]},{"key":"canary","operator":"DoesNotExist"}]}""", "app=web,!canary,tier in (api,web)")]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"NotIn","values":["dev"]},{"key":"owner","operator":"Exists"}]}""", "env notin (dev),owner")]
    [InlineData("""{}""", "")]
    public void Renders_the_query_kubectl_sends(string selector, string expected) =>
        Assert.Equal(expected, LabelSelector.From(JsonNode.Parse(selector)).ToString());

    [Fact]
    public void Matches_labels_with_every_operator()
    {
        var selector = LabelSelector.From(JsonNode.Parse("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["web"]},{"key":"env","operator":"NotIn","values":["dev"]},{"key":"owner","operator":"Exists"},{"key":"canary","operator":"DoesNotExist"}]}"""));
        Assert.True(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "web", ["owner"] = "x" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "web", ["owner"] = "x", ["canary"] = "1" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "web", ["owner"] = "x", ["env"] = "dev" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "api", ["owner"] = "x" }));
    }

    [Fact]
    public void An_unknown_operator_is_an_error() =>
        Assert.Throws<FormatException>(() => LabelSelector.From(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Like"}]}""")));
}
