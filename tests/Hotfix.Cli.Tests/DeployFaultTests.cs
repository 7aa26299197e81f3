using System.Diagnostics;
using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// "What if the server never answers?" for <c>hotfix deploy</c>: a silent API server ends the deploy at its timeout with
/// nothing changed (exit 3), and a restart answered too late is recorded as unknown (exit 4) — never as deployed. The
/// bound asserted is the correctness property "a hung server ends the command", not a benchmark.
/// </summary>
public class DeployFaultTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_server_that_never_answers_ends_the_deploy_at_its_timeout_with_nothing_changed_and_no_deployed_entry()
    {
        await using var server = new SilentApiServer();
        using var dir = FileRecords.Workspace();
        var variables = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = server.WriteKubeconfig(dir.Combine("kubeconfig"), "shop"),
            ["HOME"] = dir.Path,
            ["USER"] = "alice",
        };

        var clock = Stopwatch.StartNew();
        var result = await Task.Run(() => CliRun.Run(dir.Path, variables, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "3s"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3) + Slack, $"took {clock.Elapsed}");
        Assert.Contains("did not answer within the --timeout of 3s", result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
        var kinds = File.ReadAllLines(dir.Combine(".hotfix/incidents/INC-2026-0042.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString());
        Assert.DoesNotContain("deployed", kinds);
    }

    [Fact]
    public async Task A_restart_answered_after_the_timeout_is_recorded_as_unknown_and_escalated_without_a_retry()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", AnswerAfter = TimeSpan.FromSeconds(6), Times = 1 });

        var clock = Stopwatch.StartNew();
        var result = await c.RunAsync("deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "3s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3) + Slack, $"took {clock.Elapsed}");
        Assert.Contains("hotfix status deployment/web -n shop", result.Error);
        Assert.Equal(1, c.Server.Requests.Count(r => r.Method == "PATCH"));
        var record = await c.RunAsync("record", "INC-2026-0042", "--format", "json");
        var events = JsonDocument.Parse(record.Out).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.DoesNotContain(events, e => e.GetProperty("kind").GetString() == "deployed");
        Assert.Equal("unknown", events.Last(e => e.GetProperty("kind").GetString() == "deploy").GetProperty("outcome").GetString());
    }
}
