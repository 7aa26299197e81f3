using System.Text.Json;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class VerifyCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    private static CliResult At(TempDirectory dir, double hours, params string[] args) =>
        CliRun.Run(dir.Path, Sandro, new FixedTimeProvider(T0.AddHours(hours)), null, ["verify", "INC-2026-0042", .. args]);

    [Fact]
    public void The_stability_window_from_deploy_to_close()
    {
        using var dir = FileRecords.Workspace();
        Assert.Equal(0, At(dir, 0, "--deployed", "--note", "admin-ui 1.4.2").ExitCode);

        var early = At(dir, 0.5, "--at", "h1", "--check", "error-rate=pass");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("hotfix: refused: h1 checks are due at 2026-03-24 11:00 +01:00", early.Error);

        Assert.Equal(0, At(dir, 1, "--at", "h1", "--check", "error-rate=pass", "--check", "response-times=pass", "--check", "error-patterns=pass", "--check", "clients=pass").ExitCode);
        var status = JsonDocument.Parse(At(dir, 2, "--status", "--format", "json").Out).RootElement;
        Assert.Equal(["passed", "not-due", "not-due"], status.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("state").GetString()));
        Assert.False(status.GetProperty("stable").GetProperty("can").GetBoolean());
        Assert.Empty(status.GetProperty("due").EnumerateArray());

        Assert.Equal(0, At(dir, 4, "--at", "h4", "--check", "no-recurrence=pass", "--check", "regression-suite=fail:2 flaky").ExitCode);
        var due = JsonDocument.Parse(At(dir, 5, "--format", "json").Out).RootElement;
        Assert.Equal(["h4 regression-suite"], due.GetProperty("due").EnumerateArray().Select(d => d.GetString()));

        Assert.Equal(1, At(dir, 24, "--declare-stable").ExitCode);
        Assert.Equal(0, At(dir, 24, "--at", "h4", "--check", "regression-suite=pass:reran").ExitCode);
        Assert.Equal(0, At(dir, 24, "--at", "h24", "--check", "side-effects=pass", "--check", "sustained-fix=pass").ExitCode);
        var close = At(dir, 24, "--close");
        Assert.Equal(1, close.ExitCode);
        Assert.Contains("has not been declared stable", close.Error);
        Assert.Equal(0, At(dir, 24, "--declare-stable").ExitCode);
        Assert.Contains("no post-mortem is scheduled or done", At(dir, 24, "--close").Error);
        Assert.Equal(0, At(dir, 25, "--post-mortem", "scheduled", "--note", "Thu 14:00").ExitCode);
        var notResolved = At(dir, 25, "--close");
        Assert.Equal(1, notResolved.ExitCode);
        Assert.Contains("no incident status is recorded, not resolved (hotfix record INC-2026-0042 --status resolved)", notResolved.Error);
        var resolved = CliRun.Run(dir.Path, Sandro, new FixedTimeProvider(T0.AddHours(25)), null, "record", "INC-2026-0042", "--status", "resolved");
        Assert.True(resolved.ExitCode == 0, resolved.ToString());
        var closed = At(dir, 25, "--close", "--format", "json");
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.True(JsonDocument.Parse(closed.Out).RootElement.GetProperty("close").GetProperty("closed").GetBoolean());

        var timeline = CliRun.Run(dir.Path, "record", "INC-2026-0042", "--format", "json");
        var kinds = JsonDocument.Parse(timeline.Out).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["deployed", .. Enumerable.Repeat("verification", 9), "stable", "post-mortem", "status", "closed"], kinds);
    }

    [Fact]
    public void A_metrics_adapter_measures_checks_given_without_a_result()
    {
        using var dir = FileRecords.Workspace();
        At(dir, 0, "--deployed");
        var adapters = new CliAdapters { Metrics = new Prometheus() };
        var result = CliRun.Run(dir.Path, Sandro, new FixedTimeProvider(T0.AddHours(1)), adapters, "verify", "INC-2026-0042", "--at", "h1", "--check", "error-rate", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var check = JsonDocument.Parse(result.Out).RootElement.GetProperty("checkpoints")[0].GetProperty("checks")[0];
        Assert.Equal(("pass", "prometheus", "0.2 % errors (baseline 0.3 %)"), (check.GetProperty("state").GetString(), check.GetProperty("source").GetString(), check.GetProperty("note").GetString()));

        var attestedOnly = At(dir, 1, "--at", "h1", "--check", "clients");
        Assert.Equal(2, attestedOnly.ExitCode);
        Assert.Contains("--check 'clients': no metrics source measures it (attested); expected clients=pass|fail[:note]", attestedOnly.Error);
    }

    [Theory]
    [InlineData("--deployed --close", "--deployed, --close: one action per call")]
    [InlineData("--check error-rate=pass", "--check: needs its checkpoint; expected --at h1|h4|h24")]
    [InlineData("--at h1 --check error-rate=ok", "--check 'error-rate=ok': expected NAME=pass|fail[:note]")]
    [InlineData("--post-mortem soon", "--post-mortem 'soon': expected scheduled or done")]
    [InlineData("--deployed --when yesterday", "--when 'yesterday': expected a time in ISO 8601")]
    [InlineData("--deployed --when 2026-03-25T10:00:00+01:00", "--when '2026-03-25T10:00:00+01:00': in the future")]
    [InlineData("--status --close", "--status with --close")]
    public void Bad_verify_input_exits_2_and_records_nothing(string args, string message)
    {
        using var dir = FileRecords.Workspace();
        var result = At(dir, 0, args.Split(' '));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"hotfix: error: {message}", result.Error);
        Assert.False(Directory.Exists(dir.Combine(".hotfix")));
    }

    [Fact]
    public void Checks_before_any_deploy_are_refused()
    {
        using var dir = FileRecords.Workspace();
        var result = At(dir, 3, "--at", "h1", "--check", "error-rate=pass");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no deploy is recorded for INC-2026-0042", result.Error);
        Assert.Contains("Deployed:    not recorded", result.Out);
    }

    private sealed class Prometheus : IStabilityMetrics
    {
        public string Source => "prometheus";

        public Task<MetricReading?> MeasureAsync(MetricRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(request.Check.Id == "error-rate" ? new MetricReading(true, "0.2 % errors (baseline 0.3 %)") : null);
    }
}
