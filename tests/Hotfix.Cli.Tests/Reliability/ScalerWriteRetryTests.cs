using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// Under load a HorizontalPodAutoscaler writes <c>spec.replicas</c> every few seconds — when a bad rollout needs
/// rolling back. That moves the generation, but the patch neither reads nor writes replicas: a re-read whose spec
/// differs only there is planned again and resent within the same bound. A changed template (alone or together with
/// replicas) is refused as before, and a plan made from an older template is never sent.
/// </summary>
public class ScalerWriteRetryTests
{
    private static List<RecordedRequest> PatchRequests(KubeApiServer server) => server.Requests.Where(r => r.Method == "PATCH").ToList();

    private static JsonObject Object(KubeApiServer server, string resource, string name) => server.Cluster.Get(resource, "shop", name)!;

    private static string Image(KubeApiServer server, string resource, string name) =>
        Object(server, resource, name)["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    private static int Replicas(KubeApiServer server, string resource, string name) => Object(server, resource, name)["spec"]!["replicas"]!.GetValue<int>();

    private static JsonElement Outcome(ClusterFixture c) => JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("outcome");

    private static (string Resource, string Name) ThreeRevisions(FakeCluster cluster, string kind)
    {
        if (kind == "deployment")
        {
            cluster.ThreeRevisions();
            return ("deployments", "web");
        }

        cluster.Create(Workloads.StatefulSet("db", "registry.example/db:v1"));
        cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v2");
        cluster.SetImage("statefulsets", "shop", "db", "registry.example/db:v3");
        return ("statefulsets", "db");
    }

    private static Task<CliResult> Rollback(ClusterFixture c, string kind, string name) =>
        c.RunAsync("rollback", $"{kind}/{name}", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");

    [Theory]
    [InlineData("deployment")]
    [InlineData("statefulset")]
    public async Task Replicas_changed_by_a_scaler_between_the_read_and_the_patch_are_planned_again_and_the_rollback_completes(string kind)
    {
        await using var c = await ClusterFixture.StartAsync();
        var (resource, name) = ThreeRevisions(c.Server.Cluster, kind);
        c.Server.AddFault(Workloads.ScaleBeforePatch(resource, name));

        var result = await Rollback(c, kind, name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(":v2", Image(c.Server, resource, name), StringComparison.Ordinal);

        // The scaler's replicas stay: the patch never carried any.
        Assert.Equal(3, Replicas(c.Server, resource, name));
        Assert.Equal(2, PatchRequests(c.Server).Count);
        Assert.DoesNotContain("replicas", PatchRequests(c.Server)[1].Body, StringComparison.Ordinal);
        Assert.Equal("rolled-back", Outcome(c).GetProperty("result").GetString());
        Assert.Equal(2, Outcome(c).GetProperty("writes").GetInt32());
        Assert.True(Outcome(c).GetProperty("retried").GetBoolean());
    }

    [Fact]
    public async Task A_scaler_writing_before_every_patch_ends_after_three_patches_with_exit_4_saying_only_replicas_moved()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ScaleBeforePatch("deployments", "web", times: 3));

        var result = await Rollback(c, "deployment", "web");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(3, PatchRequests(c.Server).Count);
        Assert.Equal("registry.example/web:v3", Image(c.Server, "deployments", "web"));
        Assert.Contains("the resourceVersion changed before each of 3 patches, although nothing the plan depends on did (read again after the last refusal too, the generation went from 3 to 6 only by changes of spec.replicas", result.Error);
        Assert.Contains("nothing was changed", result.Error);
        Assert.Equal("failed", Outcome(c).GetProperty("result").GetString());
        Assert.Equal(3, Outcome(c).GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task A_template_change_between_the_read_and_the_patch_is_refused_and_named()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ImageChangeBeforePatch("deployments", "web", "registry.example/web:v4"));

        var result = await Rollback(c, "deployment", "web");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Single(PatchRequests(c.Server));
        Assert.Equal("registry.example/web:v4", Image(c.Server, "deployments", "web"));
        Assert.Contains("the generation went from 3 to 4: its spec was changed (spec.template)", result.Error);
        Assert.Contains("Someone else may be deploying", result.Error);
        Assert.Equal(1, Outcome(c).GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task Replicas_and_the_template_changed_in_one_write_are_refused_and_the_template_is_named()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ScaleAndImageChangeBeforePatch("deployments", "web", "registry.example/web:v4"));

        var result = await Rollback(c, "deployment", "web");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Single(PatchRequests(c.Server));
        Assert.Equal("registry.example/web:v4", Image(c.Server, "deployments", "web"));
        Assert.Contains("its spec was changed (spec.template)", result.Error);
    }

    [Fact]
    public async Task A_scaler_after_the_first_refusal_and_a_template_change_after_the_second_send_no_plan_from_the_old_template()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ScaleBeforePatch("deployments", "web"));
        c.Server.AddFault(Workloads.ImageChangeBeforePatch("deployments", "web", "registry.example/web:v4"));

        var result = await Rollback(c, "deployment", "web");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(2, PatchRequests(c.Server).Count);
        Assert.Equal("registry.example/web:v4", Image(c.Server, "deployments", "web"));
        Assert.Contains("the generation went from 4 to 5: its spec was changed (spec.template)", result.Error);
        Assert.Equal(2, Outcome(c).GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task A_scaler_before_the_restart_is_planned_again_and_the_deploy_completes()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ScaleBeforePatch("deployments", "web"));

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--reason", "fix", "--timeout", "30s", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, PatchRequests(c.Server).Count);
        Assert.Equal(3, Replicas(c.Server, "deployments", "web"));
        Assert.Equal(2, JsonNode.Parse(result.Out)!["outcome"]!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_template_change_before_the_restart_is_refused()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.ImageChangeBeforePatch("deployments", "web", "registry.example/web:v4"));

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--reason", "fix", "--timeout", "30s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Single(PatchRequests(c.Server));
        Assert.Contains("its spec was changed (spec.template)", result.Error);
    }

    [Fact]
    public async Task A_template_change_before_the_third_patch_is_read_and_named_not_reported_as_no_spec_change()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(Workloads.StatusWriteBeforePatch("deployments", "web", times: 2));
        c.Server.AddFault(Workloads.ImageChangeBeforePatch("deployments", "web", "registry.example/web:v4"));

        var result = await Rollback(c, "deployment", "web");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(3, PatchRequests(c.Server).Count);
        Assert.DoesNotContain("although the spec did not", result.Error, StringComparison.Ordinal);
        Assert.Contains("the generation went from 3 to 4: its spec was changed (spec.template)", result.Error);
    }
}
