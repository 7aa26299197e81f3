using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Kubernetes.Tests;

/// <summary>
/// Two test API servers set up identically: kubectl works on <see cref="ForKubectl"/>, our adapter on
/// <see cref="ForUs"/>; afterwards the objects are compared (volatile fields removed).
/// </summary>
internal sealed class Twin : IAsyncDisposable
{
    private Twin(KubeApiServer forKubectl, KubeApiServer forUs, TempDirectory dir)
    {
        ForKubectl = forKubectl;
        ForUs = forUs;
        Dir = dir;
        KubectlConfig = forKubectl.WriteKubeconfig(dir.Combine("kubectl-config"), "shop");
        Controller = new KubernetesWorkloadController(
            new k8s.KubernetesClientConfiguration { Host = forUs.Uri.ToString(), AccessToken = "test-token" },
            "test",
            new WatchOptions { PollInterval = TimeSpan.FromMilliseconds(50), WatchRound = TimeSpan.FromSeconds(5) });
    }

    public KubeApiServer ForKubectl { get; }

    public KubeApiServer ForUs { get; }

    public TempDirectory Dir { get; }

    public string KubectlConfig { get; }

    public KubernetesWorkloadController Controller { get; }

    public static async Task<Twin> StartAsync(Action<FakeCluster> setup)
    {
        var a = await KubeApiServer.StartAsync();
        var b = await KubeApiServer.StartAsync();
        setup(a.Cluster);
        setup(b.Cluster);
        return new Twin(a, b, new TempDirectory());
    }

    public ProcessResult Kubectl(params string[] args) => TestSupport.Kubernetes.Kubectl.Run(KubectlConfig, args);

    /// <summary>Both clusters' objects of these resources, with what differs between any two API servers removed.</summary>
    public void AssertSameObjects(params string[] resources)
    {
        ForKubectl.Cluster.Controller.RunUntilSettled();
        ForUs.Cluster.Controller.RunUntilSettled();
        foreach (var resource in resources)
        {
            var expected = Normalize(ForKubectl.Cluster.List(resource, "shop"));
            var actual = Normalize(ForUs.Cluster.List(resource, "shop"));
            Assert.True(expected.SequenceEqual(actual), $"{resource} differ:\nkubectl: {string.Join("\n         ", expected)}\nours:    {string.Join("\n         ", actual)}");
        }
    }

    /// <summary>
    /// Our patch without its precondition equals kubectl's patch (same meaning; JSON member order may differ). We send
    /// one, or with <paramref name="resent"/> the last of several (the precondition went stale, the plan was made again).
    /// </summary>
    public void AssertSamePatchAsKubectl(bool resent = false)
    {
        var theirs = ForKubectl.Requests.Single(r => r.Method == "PATCH");
        var patches = ForUs.Requests.Where(r => r.Method == "PATCH").ToList();
        var ours = resent ? patches[^1] : patches.Single();
        Assert.Equal(theirs.ContentType?.Split(';')[0], ours.ContentType?.Split(';')[0]);
        var theirBody = JsonNode.Parse(theirs.Body)!;
        var ourBody = JsonNode.Parse(ours.Body)!;
        if (ourBody is JsonArray ops)
        {
            Assert.Equal("test", ops[0]!["op"]!.GetValue<string>());
            ops.RemoveAt(0);
        }
        else
        {
            var metadata = (JsonObject)ourBody["metadata"]!;
            Assert.NotNull(metadata["resourceVersion"]);
            ((JsonObject)ourBody).Remove("metadata");
        }

        Assert.True(PodTemplates.SemanticEquals(theirBody, ourBody), $"kubectl: {theirBody.ToJsonString()}\nours:    {ourBody.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        Controller.Dispose();
        await ForKubectl.DisposeAsync();
        await ForUs.DisposeAsync();
        Dir.Dispose();
    }

    private static List<string> Normalize(IReadOnlyList<JsonObject> objects) => objects.Select(o =>
    {
        var metadata = (JsonObject)o["metadata"]!;
        foreach (var key in new[] { "resourceVersion", "uid", "creationTimestamp" })
        {
            metadata.Remove(key);
        }

        foreach (var owner in (metadata["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            owner.Remove("uid");
        }

        return Canonical(o);
    }).ToList();

    /// <summary>
    /// The object as a real API server would store it whatever JSON spelling a client sent: member order does not
    /// matter and null or empty members are absent (kubectl sends <c>"creationTimestamp": null</c> in templates; we do not).
    /// </summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(',', o.Where(p => !IsEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(',', a.Select(Canonical)) + "]",
        _ => node?.ToJsonString() ?? "null",
    };

    private static bool IsEmpty(JsonNode? node) => node is null or JsonObject { Count: 0 } or JsonArray { Count: 0 };
}
