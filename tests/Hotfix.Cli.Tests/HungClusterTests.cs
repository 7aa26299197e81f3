using System.Diagnostics;
using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// An API server that accepts connections and never answers, and one whose PATCH answers late. The bound each test
/// asserts (the command's timeout plus 10 s) is the correctness property "a hung server ends the command", not a
/// benchmark: before, these commands hung for the client library's 100 s and then crashed with exit 70.
/// </summary>
public class HungClusterTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("status", "--timeout", 3, "did not answer within the --timeout of 3s")]
    [InlineData("history", "--request-timeout", 2, "did not answer within 2s (--request-timeout)")]
    public async Task A_read_only_command_against_a_server_that_never_answers_ends_at_its_limit_with_exit_3_and_the_state(string command, string option, int seconds, string message)
    {
        await using var server = new SilentApiServer();
        using var dir = FileRecords.Workspace();

        var (result, took) = await RunAsync(server, dir, command, "deployment/web", "-n", "shop", option, $"{seconds}s");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(took < TimeSpan.FromSeconds(seconds) + Slack, $"took {took}");
        Assert.True(server.Connections > 0 && server.BytesReceived > 0, "the client never reached the silent server");
        Assert.Contains(message, result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
    }

    [Fact]
    public async Task Status_whose_pod_check_gets_no_answer_ends_within_its_timeout_not_the_request_timeout()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();

        // The rollout is read from a LIST and a WATCH; only the pod check's GET of the deployment hangs.
        c.Server.AddFault(new Fault { Method = "GET", PathContains = "/deployments/web", Watch = false, AnswerAfter = TimeSpan.FromSeconds(120) });
        var clock = Stopwatch.StartNew();
        var result = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "3s");
        var took = clock.Elapsed;

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(took < TimeSpan.FromSeconds(3) + Slack, $"took {took}");
        Assert.Contains("did not answer within the --timeout of 3s", result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
    }

    [Fact]
    public async Task Rollback_against_a_server_that_never_answers_sends_nothing_exits_3_escalates_and_documents_it()
    {
        await using var server = new SilentApiServer();
        using var dir = FileRecords.Workspace();
        var records = dir.Combine("records");

        var (result, took) = await RunAsync(server, dir, "rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", records, "--timeout", "4s");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(took < TimeSpan.FromSeconds(4) + Slack, $"took {took}");
        Assert.Contains("State: nothing was changed", result.Error);
        Assert.Contains("ESCALATE: if rollback fails, escalate immediately", result.Error);
        var line = JsonDocument.Parse(File.ReadAllLines(Path.Combine(records, "INC-2026-0042.jsonl")).Single()).RootElement;
        Assert.Equal("finished", line.GetProperty("phase").GetString());
        Assert.Equal("failed", line.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal("plan", line.GetProperty("outcome").GetProperty("failedAt").GetString());
    }

    [Fact]
    public async Task A_patch_answered_after_the_timeout_is_documented_as_unknown_in_both_records_and_really_lands()
    {
        await using var c = await ClusterFixture.StartAsync();
        var result = await EscalatedRollbackWithSlowPatchAsync(c, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(3), "--incident", "INC-2026-0042", "--timeout", "3s");

        Assert.Contains("ESCALATE:", result.Error);
        Assert.Contains("hotfix history deployment/web -n shop", result.Error);
        var log = c.RecordLines("INC-2026-0042.jsonl").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["started", "finished"], log.Select(l => l.GetProperty("phase").GetString()));
        Assert.Equal("unknown", log[1].GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal("apply", log[1].GetProperty("outcome").GetProperty("failedAt").GetString());

        var timeline = await c.RunAsync("record", "INC-2026-0042", "--format", "json");
        var rollbacks = JsonDocument.Parse(timeline.Out).RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "rollback").ToList();
        Assert.Equal("unknown", rollbacks[^1].GetProperty("outcome").GetString());

        // "Unknown" was the truth: the server applies the patch after hotfix stopped waiting.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Image(c.Server) != "registry.example/web:v2" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal("registry.example/web:v2", Image(c.Server));
        Assert.Single(c.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_patch_unanswered_within_the_request_timeout_is_unknown_even_with_a_long_overall_timeout()
    {
        await using var c = await ClusterFixture.StartAsync();
        var result = await EscalatedRollbackWithSlowPatchAsync(c, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), "--timeout", "10m", "--request-timeout", "2s");

        Assert.Contains("did not answer within 2s (--request-timeout)", result.Error);
        Assert.Equal("unknown", JsonDocument.Parse(c.RecordLines()[^1]).RootElement.GetProperty("outcome").GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_server_answering_with_something_that_is_not_json_is_an_operation_failure_not_a_crash()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "GET", PathContains = "/deployments", Status = 200, RawBody = "<html>proxy error</html>" });

        var status = await c.RunAsync("status", "deployment/web", "-n", "shop", "--timeout", "10s");
        var history = await c.RunAsync("history", "deployment/web", "-n", "shop");

        Assert.True(status.ExitCode == 3, status.ToString());
        Assert.True(history.ExitCode == 3, history.ToString());
        Assert.Contains("not the JSON object expected", history.Error);
    }

    /// <summary>
    /// A rollback of three revisions whose one PATCH the server answers (and applies) only after
    /// <paramref name="answerAfter"/>: it must escalate (exit 4) within <paramref name="limit"/> plus the slack.
    /// </summary>
    private static async Task<CliResult> EscalatedRollbackWithSlowPatchAsync(ClusterFixture c, TimeSpan answerAfter, TimeSpan limit, params string[] options)
    {
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", AnswerAfter = answerAfter, Times = 1 });
        var clock = Stopwatch.StartNew();
        var result = await c.RunAsync(["rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--record-dir", c.RecordDir, .. options]);
        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(clock.Elapsed < limit + Slack, $"took {clock.Elapsed}");
        return result;
    }

    private static string Image(KubeApiServer server) =>
        server.Cluster.Get("deployments", "shop", "web")!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();

    private static async Task<(CliResult Result, TimeSpan Took)> RunAsync(SilentApiServer server, TempDirectory dir, params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = server.WriteKubeconfig(dir.Combine("kubeconfig"), "shop"),
            ["HOME"] = dir.Path,
            ["USER"] = "alice",
        };
        var clock = Stopwatch.StartNew();
        var result = await Task.Run(() => CliRun.Run(dir.Path, variables, args));
        return (result, clock.Elapsed);
    }
}
