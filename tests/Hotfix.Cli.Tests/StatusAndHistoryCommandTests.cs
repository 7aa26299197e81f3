using System.Text.Json;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix status</c> (one exit code per verdict) and <c>hotfix history</c> against the test API server.</summary>
public class StatusAndHistoryCommandTests
{
    [Fact]
    public async Task Status_of_a_finished_rollout_is_complete_exit_0_and_lists_ready_pods()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployment \"web\" successfully rolled out", result.Out);
        Assert.Contains("verdict: complete", result.Out);
        Assert.Contains("2 of 2 expected pods running and ready", result.Out);
    }

    [Fact]
    public async Task Status_of_a_complete_rollout_with_a_crash_looping_pod_is_not_a_success()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Held = true;
        var crashing = c.Server.Cluster.List("pods", "shop").First()["metadata"]!["name"]!.GetValue<string>();
        c.Server.Cluster.Update("pods", "shop", crashing, pod =>
        {
            pod["status"]!["conditions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "Ready", ["status"] = "False" });
            var container = pod["status"]!["containerStatuses"]![0]!;
            container["ready"] = false;
            container["restartCount"] = 5;
            container["state"] = new System.Text.Json.Nodes.JsonObject { ["waiting"] = new System.Text.Json.Nodes.JsonObject { ["reason"] = "CrashLoopBackOff" } };
            return pod;
        }, runController: false);

        var text = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "10s");
        Assert.True(text.ExitCode == 16, text.ToString());
        Assert.Contains("verdict: complete", text.Out);
        Assert.Contains("CrashLoopBackOff", text.Out);
        Assert.Contains("NOT HEALTHY", text.Out);

        var json = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "10s", "--format", "json");
        Assert.True(json.ExitCode == 16, json.ToString());
        var doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.False(doc.GetProperty("pods").GetProperty("healthy").GetBoolean());
        Assert.Equal(16, doc.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Status_follows_a_rollout_to_the_end()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Held = true;
        c.Server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);

        var running = c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "30s", "--format", "json");
        await c.Server.WaitForRequestAsync(r => r.IsWatch);
        c.Server.Cluster.Controller.Held = false;
        var result = await running;

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("complete", json.GetProperty("rollout").GetProperty("verdict").GetString());
        Assert.Equal(4, json.GetProperty("rollout").GetProperty("revision").GetInt64());
        Assert.Contains("Waiting for deployment \"web\" rollout to finish", result.Error);
    }

    [Fact]
    public async Task Status_of_a_paused_unfinished_deployment_is_paused_exit_13_at_once()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.SetPaused("shop", "web", true);
        c.Server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "60s");

        Assert.True(result.ExitCode == 13, result.ToString());
        Assert.Contains("verdict: paused", result.Out);
    }

    [Fact]
    public async Task Status_of_a_stalled_rollout_reports_the_progress_deadline_exit_12()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.StartBrokenRollout(deadlineTicks: 3);

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "30s");

        Assert.True(result.ExitCode == 12, result.ToString());
        Assert.Contains("deployment \"web\" exceeded its progress deadline", result.Out);
        Assert.Contains("ImagePullBackOff", result.Out);
    }

    [Fact]
    public async Task Status_that_runs_out_of_time_is_timed_out_exit_11()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.StartBrokenRollout(deadlineTicks: 100_000);

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "1s");

        Assert.True(result.ExitCode == 11, result.ToString());
        Assert.Contains("timed out after 1s", result.Out);
    }

    [Fact]
    public async Task Status_of_a_workload_deleted_while_watching_is_deleted_exit_14()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.StartBrokenRollout(deadlineTicks: 100_000);

        var running = c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "30s");
        await c.Server.WaitForRequestAsync(r => r.IsWatch);

        c.Server.Cluster.Delete("deployments", "shop", "web");
        var result = await running;

        Assert.True(result.ExitCode == 14, result.ToString());
        Assert.Contains("has been deleted", result.Out);
    }

    [Fact]
    public async Task Status_no_wait_reports_progressing_exit_10()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Held = true;
        c.Server.Cluster.SetImage("deployments", "shop", "web", "registry.example/web:v4", settle: false);

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--no-wait");

        Assert.True(result.ExitCode == 10, result.ToString());
    }

    [Fact]
    public async Task Status_of_an_unknown_workload_is_bad_input()
    {
        await using var c = await ClusterFixture.StartAsync();

        var result = await c.RunAsync("status", "deployment/nope", "-n", "shop");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("deployment/nope: not found in namespace 'shop'", result.Error);
    }

    [Fact]
    public async Task History_lists_revisions_with_change_cause_images_and_replica_sets()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var text = await c.RunAsync("history", "deployment/web", "-n", "shop");
        var json = await c.RunAsync("history", "deployment/web", "-n", "shop", "--format", "json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("3 (current)", text.Out);
        Assert.Contains("initial deploy", text.Out);
        Assert.Contains("app=registry.example/web:v2", text.Out);
        var revisions = JsonDocument.Parse(json.Out).RootElement.GetProperty("revisions");
        Assert.Equal([1L, 2L, 3L], revisions.EnumerateArray().Select(r => r.GetProperty("revision").GetInt64()));
        Assert.Equal("initial deploy", revisions[0].GetProperty("changeCause").GetString());
    }

    [Fact]
    public async Task History_without_a_cluster_is_a_configuration_error()
    {
        using var dir = new Hotfix.TestSupport.TempDirectory();
        var result = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOME"] = dir.Path }, "history", "deployment/web", "-n", "shop");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no cluster configured for 'hotfix history'", result.Error);
    }

    [Theory]
    [InlineData("job/web", "expected kind/name with kind deployment, statefulset or daemonset")]
    [InlineData("deployment/Web_1", "expected kind/name")]
    public async Task A_bad_workload_argument_is_bad_input(string workload, string message)
    {
        await using var c = await ClusterFixture.StartAsync();
        var result = await c.RunAsync("history", workload, "-n", "shop");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task A_bad_timeout_is_bad_input()
    {
        await using var c = await ClusterFixture.StartAsync();
        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "soon");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--timeout 'soon': expected a duration such as 120s", result.Error);
    }
}
