using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix rollback</c> end to end against the test API server.</summary>
public class RollbackCommandTests
{
    private static string Image(KubeApiServer server, string name = "web") =>
        server.Cluster.Get("deployments", "shop", name)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    private static int Patches(KubeApiServer server) => server.Requests.Count(r => r.Method == "PATCH");

    [Fact]
    public async Task Rolls_back_to_the_previous_revision_waits_checks_pods_and_documents_it()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("registry.example/web:v2", Image(c.Server));
        Assert.Contains("From revision:", result.Out);
        Assert.Contains("app=registry.example/web:v3", result.Out);
        Assert.Contains("app=registry.example/web:v2", result.Out);
        Assert.Contains("as revision 4", result.Out);
        Assert.Contains("$ kubectl rollout undo deployment/web -n shop", result.Out);
        Assert.Contains("$ kubectl rollout status deployment/web -n shop --timeout=30s", result.Out);
        Assert.Contains("successfully rolled out", result.Out);
        Assert.Contains("[ ] verify the issue is resolved", result.Out);
        Assert.Contains("Result: rolled-back — ", result.Out);
        Assert.Equal(1, Patches(c.Server));
        var patch = JsonNode.Parse(c.Server.Requests.Single(r => r.Method == "PATCH").Body)!.AsArray();
        Assert.Equal("test", patch[0]!["op"]!.GetValue<string>());
        Assert.Equal("/metadata/resourceVersion", patch[0]!["path"]!.GetValue<string>());

        var lines = c.RecordLines("INC-2026-0042.jsonl");
        Assert.Equal(2, lines.Count);
        var started = JsonDocument.Parse(lines[0]).RootElement;
        var finished = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("started", started.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("outcome").ValueKind);
        Assert.Equal("finished", finished.GetProperty("phase").GetString());
        Assert.Equal("alice", finished.GetProperty("who").GetString());
        Assert.Equal("v3 breaks checkout", finished.GetProperty("why").GetString());
        Assert.Equal("INC-2026-0042", finished.GetProperty("incidentId").GetString());
        Assert.Equal(3, finished.GetProperty("plan").GetProperty("fromRevision").GetInt64());
        Assert.Equal(2, finished.GetProperty("plan").GetProperty("toRevision").GetInt64());
        Assert.Equal("rolled-back", finished.GetProperty("outcome").GetProperty("result").GetString());
        Assert.False(finished.GetProperty("outcome").GetProperty("retried").GetBoolean());
        Assert.Equal("complete", finished.GetProperty("verification").GetProperty("rollout").GetProperty("verdict").GetString());
        Assert.True(finished.GetProperty("verification").GetProperty("pods").GetProperty("healthy").GetBoolean());
        Assert.Equal(2, finished.GetProperty("verification").GetProperty("pods").GetProperty("runningAndReady").GetInt32());
    }

    [Fact]
    public async Task Dry_run_plans_and_changes_nothing()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deploy/web", "-n", "shop", "--to-revision", "1", "--dry-run", "--format", "json", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("dry-run", json.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal(1, json.GetProperty("plan").GetProperty("toRevision").GetInt64());
        Assert.Equal("registry.example/web:v1", json.GetProperty("plan").GetProperty("imagesAfter")[0].GetProperty("image").GetString());
        Assert.Contains("kubectl rollout undo deployment/web -n shop --to-revision=1", json.GetProperty("plan").GetProperty("kubectl").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, Patches(c.Server));
        Assert.Equal("registry.example/web:v3", Image(c.Server));
        Assert.False(Directory.Exists(c.RecordDir));
    }

    [Fact]
    public async Task Without_a_cluster_the_rollback_is_a_dry_run_and_says_so()
    {
        using var dir = new Hotfix.TestSupport.TempDirectory();
        var result = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOME"] = dir.Path }, "rollback", "deployment/web", "-n", "shop", "--to-revision", "2", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NOTHING was rolled back", result.Out);
        Assert.Contains("no cluster configured", result.Out);
        Assert.Contains("$ kubectl rollout undo deployment/web -n shop --to-revision=2", result.Out);
        Assert.Contains("Result: dry-run — NOTHING was rolled back", result.Out);
    }

    [Fact]
    public async Task Without_a_cluster_a_real_rollback_is_not_done_and_does_not_exit_0()
    {
        using var dir = new Hotfix.TestSupport.TempDirectory();
        var env = new Dictionary<string, string> { ["HOME"] = dir.Path };

        var text = CliRun.Run(dir.Path, env, "rollback", "deployment/web", "-n", "shop", "--reason", "v3 bad", "--incident", "INC-2026-0042");
        Assert.True(text.ExitCode == 2, text.ToString());
        Assert.Contains("NOTHING was rolled back", text.Out);
        Assert.Contains("no cluster configured for 'hotfix rollback'", text.Error);

        var json = CliRun.Run(dir.Path, env, "rollback", "deployment/web", "-n", "shop", "--reason", "v3 bad", "--incident", "INC-2026-0042", "--format", "json");
        Assert.True(json.ExitCode == 2, json.ToString());
        var doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("planned", doc.GetProperty("phase").GetString());
        Assert.Equal("rollback", doc.GetProperty("type").GetString());
        Assert.Equal("INC-2026-0042", doc.GetProperty("incidentId").GetString());
        Assert.Equal("v3 bad", doc.GetProperty("why").GetString());
        Assert.Equal("dry-run", doc.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Contains("NOTHING was rolled back", doc.GetProperty("outcome").GetProperty("message").GetString());
        Assert.Equal(0, doc.GetProperty("outcome").GetProperty("writes").GetInt32());
        Assert.False(doc.GetProperty("teamNotified").GetBoolean());
    }

    [Fact]
    public async Task A_KUBECONFIG_naming_a_missing_file_is_bad_input_not_a_dry_run()
    {
        using var dir = new Hotfix.TestSupport.TempDirectory();
        var typo = dir.Combine("kubeconfg");
        var env = new Dictionary<string, string> { ["HOME"] = dir.Path, ["KUBECONFIG"] = typo };

        var result = CliRun.Run(dir.Path, env, "rollback", "deployment/web", "-n", "shop", "--reason", "x", "--incident", "INC-2026-0042");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"KUBECONFIG='{typo}': names no file that exists", result.Error);
        Assert.DoesNotContain("dry run", result.Out);
        Assert.False(Directory.Exists(dir.Combine(".hotfix")));
    }

    [Fact]
    public async Task A_rollback_needs_a_reason()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--record-dir", c.RecordDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--reason is required", result.Error);
        Assert.Equal(0, Patches(c.Server));
    }

    [Fact]
    public async Task A_paused_deployment_is_refused_exit_1_and_the_refusal_is_recorded()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.SetPaused("shop", "web", true);

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again", result.Out);
        Assert.Equal(0, Patches(c.Server));
        var resume = result.Out.IndexOf("$ kubectl rollout resume deployment/web -n shop", StringComparison.Ordinal);
        Assert.True(resume >= 0 && resume < result.Out.IndexOf("$ kubectl rollout undo deployment/web -n shop", StringComparison.Ordinal), result.Out);
        var record = JsonDocument.Parse(c.RecordLines().Single()).RootElement;
        Assert.Equal("refused", record.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal("paused", record.GetProperty("plan").GetProperty("refusal").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_unknown_revision_is_bad_input_and_nothing_is_patched()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--to-revision", "9", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unable to find specified revision 9 in history", result.Out);
        Assert.Equal(0, Patches(c.Server));

        // The undo kubectl would reject too is not offered; the history that shows the real revisions is.
        Assert.DoesNotContain("kubectl rollout undo", result.Out);
        Assert.Contains("$ kubectl rollout history deployment/web -n shop", result.Out);
        Assert.Contains("hotfix history deployment/web -n shop", result.Out);
    }

    [Fact]
    public async Task A_rollback_whose_record_cannot_be_written_exits_3_and_escalates()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        File.WriteAllText(c.Dir.Combine("blocker"), string.Empty);

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.Dir.Combine("blocker", "sub"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("the rollback record cannot be written", result.Error);
        Assert.Contains("ESCALATE: if rollback fails, escalate immediately", result.Error);
        Assert.Equal(0, Patches(c.Server));
    }

    [Fact]
    public async Task The_current_template_is_skipped_like_kubectl()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--to-revision", "3", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("skipped rollback (current template already matches revision 3)", result.Out);
        Assert.Equal(0, Patches(c.Server));
        Assert.Equal("skipped", JsonDocument.Parse(c.RecordLines().Single()).RootElement.GetProperty("outcome").GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_500_on_the_patch_escalates_without_retrying_and_says_the_state_is_unknown()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 500 });

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.Contains("ESCALATE: if rollback fails, escalate immediately — do not retry blindly", result.Error);
        Assert.Contains("may or may not have been applied", result.Error);
        var finished = JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("outcome");
        Assert.Equal("unknown", finished.GetProperty("result").GetString());
        Assert.Equal("apply", finished.GetProperty("failedAt").GetString());
        Assert.False(finished.GetProperty("retried").GetBoolean());
    }

    [Fact]
    public async Task A_deployment_changed_between_plan_and_patch_says_so_although_the_server_answers_422()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        // Not replicas: an autoscaler's write of those alone is planned again (ScalerWriteRetryTests).
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Times = 1, ChangeFirst = cluster => cluster.Update("deployments", "shop", "web", o =>
        {
            o["spec"]!["minReadySeconds"] = 10;
            return o;
        }, runController: false) });

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.Equal("registry.example/web:v3", Image(c.Server));
        Assert.True(result.Error.Contains("was modified after the plan was read", StringComparison.Ordinal), result.ToString());
        Assert.Contains("Someone else may be deploying", result.Error);
        Assert.Contains("testing value /metadata/resourceVersion failed", result.Error);
        Assert.DoesNotContain("stays at revision", result.Error);
    }

    [Fact]
    public async Task A_409_conflict_escalates_nothing_changed_no_retry()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 409, Message = "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified" });

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.Contains("nothing was changed", result.Error);
        Assert.Contains("Someone else may be deploying", result.Error);
        Assert.Equal("registry.example/web:v3", Image(c.Server));
    }

    [Fact]
    public async Task A_500_while_reading_fails_before_any_write_exit_3_and_still_escalates()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "GET", PathContains = "/replicasets", Status = 500 });

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("ESCALATE:", result.Error);
        Assert.Equal(0, Patches(c.Server));
        Assert.Single(c.Server.Requests, r => r.Path.EndsWith("/replicasets", StringComparison.Ordinal));
        Assert.Contains("nothing was changed", result.Error);
    }

    [Fact]
    public async Task Progress_deadline_exceeded_after_the_patch_escalates()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Break("registry.example/web:v2", deadlineTicks: 4);

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, "--format", "json");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("deadline-exceeded", json.GetProperty("verification").GetProperty("rollout").GetProperty("verdict").GetString());
        Assert.Equal("status", json.GetProperty("outcome").GetProperty("failedAt").GetString());
        Assert.Contains("ProgressDeadlineExceeded", json.GetProperty("outcome").GetProperty("state").GetString());

        // The checks after a rollback would claim one happened; what is open is the escalation.
        var open = json.GetProperty("verification").GetProperty("manualChecks").EnumerateArray().Select(m => m.GetProperty("check").GetString()!).ToList();
        Assert.Contains(open, m => m.StartsWith("escalate immediately", StringComparison.Ordinal));
        Assert.DoesNotContain("verify the issue is resolved", open);
        Assert.DoesNotContain("notify team that rollback was performed", open);
        var recorded = JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("verification").GetProperty("manualChecks");
        Assert.DoesNotContain(recorded.EnumerateArray(), m => m.GetProperty("check").GetString() == "verify the issue is resolved");
    }

    [Fact]
    public async Task A_rollout_that_does_not_finish_in_time_times_out_and_escalates()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Break("registry.example/web:v2", deadlineTicks: 100_000);

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, "--timeout", "1s", "--format", "json");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("timed-out", json.GetProperty("verification").GetProperty("rollout").GetProperty("verdict").GetString());
        Assert.Contains("did not finish within 1s", json.GetProperty("outcome").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_dropped_watch_is_resumed_and_the_rollback_completes()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.DropWatchAfterEvents = 1;
        c.Server.WatchDropsLeft = 2;
        c.Server.Cluster.Controller.Held = true;

        var running = c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "r", "--record-dir", c.RecordDir, "--format", "json");
        await c.Server.WaitForRequestAsync(r => r.IsWatch);
        c.Server.Cluster.Controller.Held = false;
        var result = await running;

        Assert.True(result.ExitCode == 0, result.ToString());
        var rollout = JsonDocument.Parse(result.Out).RootElement.GetProperty("verification").GetProperty("rollout");
        Assert.Equal("complete", rollout.GetProperty("verdict").GetString());
        Assert.True(rollout.GetProperty("watchResumes").GetInt32() >= 1, result.ToString() + string.Join("\n", c.Server.Requests));
        Assert.Equal(1, Patches(c.Server));
    }
}
