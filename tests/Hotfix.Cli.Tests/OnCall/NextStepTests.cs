using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>After a failure the output says what to do next, with commands filled in; never the checks of a rollback that worked.</summary>
public class NextStepTests
{
    [Fact]
    public async Task A_failed_rollback_prints_the_escalation_steps_not_the_after_rollback_checks()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Break("registry.example/web:v2", deadlineTicks: 4);

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v4 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.DoesNotContain("Runbook checks after rollback", result.Out);
        Assert.Contains("Escalation — what to do now:", result.Out);
        Assert.Contains("hotfix status deployment/web -n shop --no-wait", result.Out);
        Assert.Contains("hotfix history deployment/web -n shop", result.Out);
        Assert.Contains("kubectl describe deployment/web -n shop", result.Out);
        Assert.Contains("ESCALATE:", result.Error);
    }

    [Fact]
    public async Task A_rollback_that_worked_still_lists_the_runbook_checks()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Runbook checks after rollback", result.Out);
        Assert.DoesNotContain("Escalation", result.Out);
    }

    [Fact]
    public async Task A_stalled_status_says_what_to_do_next()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.StartBrokenRollout(deadlineTicks: 3);

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "30s");

        Assert.True(result.ExitCode == 12, result.ToString());
        Assert.Contains("Next steps:\n  - See the revisions and their images: hotfix history deployment/web -n shop\n  - Rollback or forward-fix? hotfix decide", result.Out);
        Assert.Contains("hotfix rollback deployment/web -n shop --dry-run", result.Out);
    }

    [Fact]
    public async Task A_complete_status_has_no_next_steps()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var result = await c.RunAsync("status", "deployment/web", "-n", "shop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Next steps", result.Out);
    }

    [Fact]
    public async Task A_refused_plan_points_at_the_history_in_the_context_the_user_chose()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        var chosen = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--context", "test", "--to-revision", "9", "--reason", "r", "--record-dir", c.RecordDir);
        var current = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--to-revision", "9", "--reason", "r", "--record-dir", c.RecordDir);

        Assert.True(chosen.ExitCode == 2, chosen.ToString());
        Assert.Contains("The revisions there are (or: hotfix history deployment/web -n shop --context test):", chosen.Out);
        Assert.Contains("$ kubectl rollout history deployment/web -n shop --context test", chosen.Out);

        // Without --context the current context is the one meant, and the hint names none.
        Assert.True(current.ExitCode == 2, current.ToString());
        Assert.Contains("The revisions there are (or: hotfix history deployment/web -n shop):", current.Out);
    }

    [Fact]
    public async Task The_escalation_steps_of_a_failed_rollback_and_a_stalled_status_keep_the_chosen_context()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.Cluster.Controller.Break("registry.example/web:v2", deadlineTicks: 4);

        var rollback = await c.RunAsync("rollback", "deployment/web", "-n", "shop", "--context", "test", "--reason", "v4 breaks checkout", "--record-dir", c.RecordDir, "--timeout", "30s");
        var status = await c.RunAsync("status", "deployment/web", "-n", "shop", "--context", "test", "--timeout", "30s");

        Assert.True(rollback.ExitCode == 4, rollback.ToString());
        Assert.Contains("hotfix status deployment/web -n shop --context test --no-wait", rollback.Out);
        Assert.Contains("hotfix history deployment/web -n shop --context test", rollback.Out);
        Assert.Contains("kubectl describe deployment/web -n shop --context test;", rollback.Out);
        Assert.True(status.ExitCode == 12, status.ToString());
        Assert.Contains("hotfix history deployment/web -n shop --context test", status.Out);
        Assert.Contains("hotfix rollback deployment/web -n shop --context test --dry-run", status.Out);
    }
}
