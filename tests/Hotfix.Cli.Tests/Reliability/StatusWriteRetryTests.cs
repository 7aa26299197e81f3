using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// A workload's controller writes its status every few seconds during a rollout; each write moves the resourceVersion
/// our patch requires. Such a write between the read and the patch is planned again and resent; a spec change (the
/// generation moved) is refused as before, and a resourceVersion that never holds still ends in a bounded refusal.
/// </summary>
public class StatusWriteRetryTests
{
    private static int Patches(KubeApiServer server) => server.Requests.Count(r => r.Method == "PATCH");

    private static string Image(KubeApiServer server, string resource, string name) =>
        server.Cluster.Get(resource, "shop", name)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    /// <summary>Three revisions (images v1, v2, v3) of the workload; returns its resource and name.</summary>
    private static (string Resource, string Name) ThreeRevisions(FakeCluster cluster, string kind)
    {
        switch (kind)
        {
            case "deployment":
                cluster.ThreeRevisions();
                return ("deployments", "web");
            case "statefulset":
                cluster.Create(Workloads.StatefulSet("db", "registry.example/db:v1"));
                cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v2");
                cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v3");
                return ("statefulsets", "db");
            default:
                cluster.Create(Workloads.DaemonSet("agent", "registry.example/agent:v1"));
                cluster.SetImage("daemonsets", "shop", "agent", "registry.example/agent:v2");
                cluster.SetImage("daemonsets", "shop", "agent", "registry.example/agent:v3");
                return ("daemonsets", "agent");
        }
    }

    private static Fault SpecChangeBeforePatch(string resource, string name) => new()
    {
        Method = "PATCH",
        PathContains = $"/{resource}/{name}",
        Times = 1,
        ChangeFirst = cluster => cluster.Update(resource, "shop", name, o =>
        {
            o["spec"]!["minReadySeconds"] = 5;
            return o;
        }, runController: false),
    };

    private static JsonElement Outcome(ClusterFixture c) => JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("outcome");

    [Theory]
    [InlineData("deployment")]
    [InlineData("statefulset")]
    [InlineData("daemonset")]
    public async Task A_status_write_between_the_read_and_the_patch_is_planned_again_and_the_rollback_completes(string kind)
    {
        await using var c = await ClusterFixture.StartAsync();
        var (resource, name) = ThreeRevisions(c.Server.Cluster, kind);
        c.Server.AddFault(Workloads.StatusWriteBeforePatch(resource, name));

        var result = await c.RunAsync("rollback", $"{kind}/{name}", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(":v2", Image(c.Server, resource, name), StringComparison.Ordinal);
        Assert.Equal(2, Patches(c.Server));
        Assert.Equal("rolled-back", Outcome(c).GetProperty("result").GetString());
        Assert.Equal(2, Outcome(c).GetProperty("writes").GetInt32());
        Assert.True(Outcome(c).GetProperty("retried").GetBoolean());

        // The second patch carries the resourceVersion read again, never the stale one.
        var preconditions = c.Server.Requests.Where(r => r.Method == "PATCH").Select(r => Precondition(r.Body)).ToList();
        Assert.NotEqual(preconditions[0], preconditions[1]);
    }

    [Theory]
    [InlineData("deployment")]
    [InlineData("statefulset")]
    [InlineData("daemonset")]
    public async Task A_spec_change_between_the_read_and_the_patch_is_still_refused_and_says_how_the_generation_moved(string kind)
    {
        await using var c = await ClusterFixture.StartAsync();
        var (resource, name) = ThreeRevisions(c.Server.Cluster, kind);
        c.Server.AddFault(SpecChangeBeforePatch(resource, name));

        var result = await c.RunAsync("rollback", $"{kind}/{name}", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.EndsWith(":v3", Image(c.Server, resource, name), StringComparison.Ordinal);
        Assert.Contains("the generation went from 3 to 4: its spec was changed", result.Error);
        Assert.Contains("Someone else may be deploying", result.Error);
        Assert.Equal("failed", Outcome(c).GetProperty("result").GetString());
        Assert.False(Outcome(c).GetProperty("retried").GetBoolean());
    }

    [Fact]
    public async Task A_resource_version_that_moves_before_every_patch_ends_after_three_patches_with_exit_4_and_nothing_changed()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web", times: 3));

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(3, Patches(c.Server));
        Assert.Equal("registry.example/web:v3", Image(c.Server, "deployments", "web"));
        Assert.Contains("the resourceVersion changed before each of 3 patches, although the spec did not (generation 3", result.Error);
        Assert.Contains("nothing was changed", result.Error);
        Assert.Equal("failed", Outcome(c).GetProperty("result").GetString());
        Assert.Equal(3, Outcome(c).GetProperty("writes").GetInt32());

        // Every patch was refused, so nothing is half done: once the writes calm down, a plain rerun completes.
        var rerun = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal("registry.example/web:v2", Image(c.Server, "deployments", "web"));
    }

    [Fact]
    public async Task A_status_write_before_the_restart_is_planned_again_and_the_deploy_completes_with_the_stamp_shown()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web"));

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--reason", "fix", "--timeout", "30s", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, Patches(c.Server));
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal(2, json["outcome"]!["attempts"]!.GetValue<int>());
        Assert.True(json["outcome"]!["retried"]!.GetValue<bool>());
        var stamps = c.Server.Requests.Where(r => r.Method == "PATCH").Select(r => JsonNode.Parse(r.Body)!["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]!.GetValue<string>()).ToList();
        Assert.Equal(stamps[0], stamps[1]);
    }

    [Fact]
    public async Task A_spec_change_before_the_restart_is_still_refused()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(SpecChangeBeforePatch("deployments", "web"));

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--reason", "fix", "--timeout", "30s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.Contains("the generation went from 3 to 4: its spec was changed", result.Error);
    }

    private static string Precondition(string body) => JsonNode.Parse(body) switch
    {
        JsonArray ops => ops[0]!["value"]!.GetValue<string>(),
        var patch => patch!["metadata"]!["resourceVersion"]!.GetValue<string>(),
    };
}
