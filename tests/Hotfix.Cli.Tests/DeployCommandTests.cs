using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix deploy</c> end to end against the test API server: the runbook's DEPLOY lines as one recorded step.</summary>
public class DeployCommandTests
{
    private const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    private static int Patches(KubeApiServer server) => server.Requests.Count(r => r.Method == "PATCH");

    private static string? Stamp(KubeApiServer server) =>
        server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["metadata"]?["annotations"]?[RestartedAt]?.GetValue<string>();

    private static async Task<List<JsonElement>> Events(ClusterFixture c, string incident = "INC-2026-0042")
    {
        var record = await c.RunAsync("record", incident, "--format", "json");
        Assert.True(record.ExitCode == 0, record.ToString());
        return JsonDocument.Parse(record.Out).RootElement.GetProperty("events").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Restarts_once_with_a_precondition_waits_checks_pods_and_records_the_deploy_so_the_window_starts()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--reason", "fix for the checkout bug", "--timeout", "30s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Deploy plan for deployment/web -n shop", result.Out);
        Assert.Contains("$ kubectl rollout restart deployment/web -n shop", result.Out);
        Assert.Contains("$ kubectl rollout status deployment/web -n shop --timeout=30s", result.Out);
        Assert.Contains("$ kubectl get pods -n shop -l app=web", result.Out);
        Assert.Contains("successfully rolled out", result.Out);
        Assert.Contains("Result: deployed — deployed deployment/web as revision 4", result.Out);
        Assert.Contains("[ ] verify fix resolves the incident (test from client perspective)", result.Out);
        Assert.Equal(1, Patches(c.Server));
        var patch = JsonNode.Parse(c.Server.Requests.Single(r => r.Method == "PATCH").Body)!;
        Assert.NotNull(patch["metadata"]!["resourceVersion"]);
        Assert.True(DateTimeOffset.TryParse(Stamp(c.Server), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));

        var events = await Events(c);
        var started = events.Single(e => e.GetProperty("kind").GetString() == "deploy");
        var deployed = events.Single(e => e.GetProperty("kind").GetString() == "deployed");
        Assert.Equal("started", started.GetProperty("phase").GetString());
        Assert.Equal(started.GetProperty("ref").GetString(), deployed.GetProperty("ref").GetString());
        Assert.Equal("alice", deployed.GetProperty("by").GetString());
        Assert.Equal("fix for the checkout bug", deployed.GetProperty("reason").GetString());
        Assert.Equal("deployment/web", deployed.GetProperty("details").GetProperty("workload").GetString());
        Assert.Equal("shop", deployed.GetProperty("details").GetProperty("namespace").GetString());
        Assert.Equal(4, deployed.GetProperty("details").GetProperty("revision").GetInt64());
        Assert.Contains("pods running and ready: 2 of 2 (app=web)", deployed.GetProperty("verification").EnumerateArray().Select(v => v.GetString()));

        // The same entry verify --deployed writes: the stability window has started.
        var verify = await c.RunAsync("verify", "INC-2026-0042", "--format", "json");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("\"deployedBy\": \"alice\"", verify.Out);
    }

    [Fact]
    public async Task Statefulsets_and_daemonsets_are_deployed_and_record_the_revision_they_produced()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.Create(Workloads.StatefulSet("db", "registry.example/db:v1"));
        c.Server.Cluster.Create(Workloads.DaemonSet("agent", "registry.example/agent:v1"));

        var db = await c.RunAsync("deploy", "statefulset/db", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "30s");
        var agent = await c.RunAsync("deploy", "daemonset/agent", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "30s");

        Assert.True(db.ExitCode == 0, db.ToString());
        Assert.True(agent.ExitCode == 0, agent.ToString());
        var deployed = (await Events(c)).Where(e => e.GetProperty("kind").GetString() == "deployed").ToList();
        Assert.Equal(["statefulset/db", "daemonset/agent"], deployed.Select(e => e.GetProperty("details").GetProperty("workload").GetString()));
        Assert.All(deployed, e => Assert.Equal(2, e.GetProperty("details").GetProperty("revision").GetInt64()));
    }

    [Fact]
    public async Task Dry_run_plans_and_changes_and_records_nothing()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--dry-run", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("dry-run", json.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal(3, json.GetProperty("plan").GetProperty("fromRevision").GetInt64());
        Assert.Equal(0, Patches(c.Server));
        Assert.Null(Stamp(c.Server));
        Assert.False(Directory.Exists(c.Dir.Combine(".hotfix")));
    }

    [Fact]
    public async Task A_failed_deploy_leaves_the_escalation_open_not_the_post_deploy_monitoring()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Break("registry.example/web:v3", deadlineTicks: 100_000);

        // Settled first: the controller's status updates of the rollout to the broken image would otherwise race the
        // deploy's resourceVersion precondition on a loaded machine (a 409 instead of the timeout this test is about).
        c.Server.Cluster.Controller.RunUntilSettled();
        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--format", "json", "--timeout", "1s");

        Assert.True(result.ExitCode == 4, result.ToString());
        var open = System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("verification").GetProperty("manualChecks").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.True(open.Any(m => m.StartsWith("escalate", StringComparison.Ordinal)), result.ToString());
        Assert.DoesNotContain(open, m => m.StartsWith("monitor error rates", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conflicting_change_fails_with_exit_4_the_state_and_the_decide_and_rollback_next_steps_without_a_retry()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 409, Message = "the object has been modified" });

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal(1, Patches(c.Server));
        Assert.Contains("Someone else may be deploying", result.Error);
        Assert.Contains("$ hotfix decide --incident INC-2026-0042", result.Error);
        Assert.Contains("$ hotfix rollback deployment/web -n shop --incident INC-2026-0042", result.Error);
        var events = await Events(c);
        Assert.DoesNotContain(events, e => e.GetProperty("kind").GetString() == "deployed");
        Assert.Equal("failed", events.Last(e => e.GetProperty("kind").GetString() == "deploy").GetProperty("outcome").GetString());
    }

    [Fact]
    public void Without_a_cluster_the_deploy_is_a_dry_run_that_shows_the_kubectl_lines()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOME"] = dir.Path }, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no cluster configured", result.Out);
        Assert.Contains("NOTHING was deployed", result.Out);
        Assert.Contains("$ kubectl rollout restart deployment/web -n shop", result.Out);
        Assert.Contains("$ kubectl rollout status deployment/web -n shop --timeout=120s", result.Out);
        Assert.False(Directory.Exists(dir.Combine(".hotfix")));
    }

    [Fact]
    public void Without_a_cluster_a_real_deploy_is_not_done_and_does_not_exit_0()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["HOME"] = dir.Path };

        var json = CliRun.Run(dir.Path, env, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--format", "json");
        Assert.True(json.ExitCode == 2, json.ToString());
        var doc = System.Text.Json.JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("dry-run", doc.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Contains("NOTHING was deployed", doc.GetProperty("outcome").GetProperty("message").GetString());
        Assert.Contains("no cluster configured for 'hotfix deploy'", json.Error);

        var typo = dir.Combine("kubeconfg");
        var missing = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOME"] = dir.Path, ["KUBECONFIG"] = typo }, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains($"KUBECONFIG='{typo}'", missing.Error);
    }

    [Fact]
    public async Task A_paused_deployment_is_refused_as_kubectl_refuses_it()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.SetPaused("shop", "web", true);

        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("can't restart paused deployment (run rollout resume first)", result.Out);
        Assert.Equal(0, Patches(c.Server));

        // The kubectl lines printed must work when pasted: a restart of a paused Deployment needs the resume first.
        var lines = result.Out.Split('\n').Select(l => l.Trim().TrimStart('$').Trim()).ToList();
        var resume = lines.FindIndex(l => l.StartsWith("kubectl rollout resume deployment/web -n shop", StringComparison.Ordinal));
        var restart = lines.FindIndex(l => l.StartsWith("kubectl rollout restart deployment/web -n shop", StringComparison.Ordinal));
        Assert.True(resume >= 0 && resume < restart, result.Out);
    }

    [Fact]
    public async Task The_incident_comes_from_the_hotfix_branch_and_without_one_it_is_bad_input()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var repo = TestRepository.Create();
        var variables = new Dictionary<string, string>(c.Variables);

        var outside = CliRun.Run(repo.Path, variables, "deploy", "deployment/web", "-n", "shop");
        Assert.True(outside.ExitCode == 2, outside.ToString());
        Assert.Contains("--incident: missing", outside.Error);

        repo.Git("switch", "-c", "hotfix/INC-2026-0077-fix-login");
        var onBranch = await Task.Run(() => CliRun.Run(repo.Path, variables, "deploy", "deployment/web", "-n", "shop", "--timeout", "30s"));
        Assert.True(onBranch.ExitCode == 0, onBranch.ToString());
        Assert.Contains("Incident:", onBranch.Out);
        Assert.Contains("INC-2026-0077", onBranch.Out);
        Assert.Contains("refs/hotfix/incidents/INC-2026-0077", repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/incidents"));
        Assert.Empty(repo.Git("status", "--porcelain"));
    }
}
