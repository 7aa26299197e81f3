using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Verification;

namespace Hotfix.Policy.Tests.Verification;

public class StabilityWindowTests
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private static readonly DateTimeOffset T0 = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly HotfixPolicy Policy = HotfixPolicy.Runbook;

    private readonly InMemoryIncidentRecordStore store = new();

    private IncidentRecord Record => store.Read(Incident);

    private VerificationOutcome Apply(VerificationOutcome outcome)
    {
        foreach (var e in outcome.Events)
        {
            store.Record(e);
        }

        return outcome;
    }

    private Task<VerificationOutcome> Check(string checkpoint, DateTimeOffset at, params string[] checks) =>
        StabilityVerification.CheckAsync(Policy, Record, checkpoint, checks.Select(c => CheckInput.TryParse(c, out var i) ? i : throw new FormatException(c)).ToList(), AttestedOnlyMetrics.Instance, "sandro", at, CancellationToken.None);

    private StabilityWindowStatus Status(DateTimeOffset now) => StabilityWindow.Evaluate(Policy, Record.Events, now);

    [Fact]
    public void Unchecked_checkpoints_become_overdue_when_the_next_one_is_due()
    {
        // Chat-ops must tell a check missed by a day from one that just came due: h1 is overdue from hour 4, h4 from
        // hour 24, and the last checkpoint a day after it is due.
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, null));
        Assert.Equal([CheckpointState.Due, CheckpointState.NotDue, CheckpointState.NotDue], Status(T0.AddHours(3).AddMinutes(59)).Checkpoints.Select(c => c.State));
        Assert.Equal([CheckpointState.Overdue, CheckpointState.Due, CheckpointState.NotDue], Status(T0.AddHours(23)).Checkpoints.Select(c => c.State));
        Assert.Equal([CheckpointState.Overdue, CheckpointState.Overdue, CheckpointState.Due], Status(T0.AddHours(24)).Checkpoints.Select(c => c.State));
        var late = Status(T0.AddHours(48));
        Assert.All(late.Checkpoints, c => Assert.Equal(CheckpointState.Overdue, c.State));
        Assert.Contains(late.NotStableBecause, r => r.StartsWith("h1 error-rate not checked yet (OVERDUE: due 2026-03-24 11:00 +01:00)", StringComparison.Ordinal));
        Assert.Contains(late.DueChecks, d => d.Checkpoint.Name == "h1"); // overdue checks are still due
    }

    [Fact]
    public void A_deploy_recorded_late_does_not_say_it_restarts_the_window()
    {
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0.AddHours(2), null));
        var late = Apply(StabilityVerification.Deployed(Policy, Record, "tobias", T0, "the first attempt, recorded late"));
        Assert.True(late.Accepted);
        Assert.StartsWith("hotfix deployed (recorded after a later deploy): the 24-hour stability window still runs from the deploy at 2026-03-24 12:00 +01:00", late.Message, StringComparison.Ordinal);
        Assert.Equal(T0.AddHours(2), Status(T0.AddHours(3)).Deployed!.At);

        var redeploy = StabilityVerification.Deployed(Policy, Record, "sandro", T0.AddHours(5), null);
        Assert.StartsWith("hotfix deployed; 24-hour stability window starts", redeploy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_window_from_deploy_to_closing_the_incident()
    {
        Assert.False((await Check("h1", T0, "error-rate=pass")).Accepted); // not deployed yet
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, "deployment/admin-ui revision 42"));

        var early = await Check("h1", T0.AddMinutes(30), "error-rate=pass");
        Assert.False(early.Accepted);
        Assert.Contains("h1 checks are due at 2026-03-24 11:00 +01:00", early.Message);

        Assert.True(Apply(await Check("h1", T0.AddHours(1), "error-rate=pass", "response-times=pass", "error-patterns=pass", "clients=pass:checked with ACME")).Accepted);
        var afterH1 = Status(T0.AddHours(2));
        Assert.Equal([CheckpointState.Passed, CheckpointState.NotDue, CheckpointState.NotDue], afterH1.Checkpoints.Select(c => c.State));
        Assert.Empty(afterH1.DueChecks);
        Assert.False(afterH1.CanDeclareStable);

        Apply(await Check("h4", T0.AddHours(4), "no-recurrence=pass", "regression-suite=fail:3 flaky tests"));
        var failed = Status(T0.AddHours(5));
        Assert.Equal(CheckpointState.Failed, failed.Checkpoints[1].State);
        Assert.Contains(failed.NotStableBecause, r => r.StartsWith("h4 regression-suite failed (sandro, 2026-03-24 14:00 +01:00: 3 flaky tests)", StringComparison.Ordinal));
        Assert.Equal(["h4 regression-suite"], failed.DueChecks.Select(d => $"{d.Checkpoint.Name} {d.Check.Check.Id}"));

        // A later result replaces the earlier one.
        Apply(await Check("h4", T0.AddHours(6), "regression-suite=pass:reran, flakes confirmed"));
        Assert.Equal(CheckpointState.Passed, Status(T0.AddHours(6)).Checkpoints[1].State);

        Assert.False(StabilityVerification.DeclareStable(Policy, Record, "mira", T0.AddHours(23)).Accepted);
        Apply(await Check("h24", T0.AddHours(24), "side-effects=pass", "sustained-fix=pass"));
        var done = Status(T0.AddHours(24));
        Assert.True(done.CanDeclareStable, string.Join("; ", done.NotStableBecause));

        Assert.False(StabilityVerification.Close(Policy, Record, "mira", T0.AddHours(24), null).Accepted); // not declared stable
        Assert.True(Apply(StabilityVerification.DeclareStable(Policy, Record, "mira", T0.AddHours(24))).Accepted);
        Assert.False(StabilityVerification.DeclareStable(Policy, Record, "mira", T0.AddHours(25)).Accepted);

        var noPostMortem = StabilityVerification.Close(Policy, Record, "mira", T0.AddHours(25), null);
        Assert.False(noPostMortem.Accepted);
        Assert.Contains("no post-mortem is scheduled or done", noPostMortem.Message);

        Apply(StabilityVerification.PostMortem(Record, "scheduled", "2026-03-27 14:00, room 2", "mira", T0.AddHours(25)));
        store.Record(IncidentStatuses.Changed(Incident, IncidentStatuses.Mitigated, null, null, "mira", T0.AddHours(2)));
        var mitigated = StabilityVerification.Close(Policy, Record, "mira", T0.AddHours(25), null);
        Assert.False(mitigated.Accepted);
        Assert.Contains("the incident status is mitigated, not resolved (hotfix record INC-2026-0042 --status resolved)", mitigated.Message);

        store.Record(IncidentStatuses.Changed(Incident, IncidentStatuses.Resolved, IncidentStatuses.Mitigated, null, "mira", T0.AddHours(25)));
        Assert.True(Apply(StabilityVerification.Close(Policy, Record, "mira", T0.AddHours(25), "resolved")).Accepted);
        var closed = Status(T0.AddHours(26));
        Assert.NotNull(closed.Closed);
        Assert.False(StabilityVerification.Close(Policy, Record, "mira", T0.AddHours(26), null).Accepted);
        Assert.False(StabilityVerification.Deployed(Policy, Record, "sandro", T0.AddHours(27), null).Accepted);
    }

    [Fact]
    public async Task Stable_only_after_every_h24_check_passed()
    {
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, null));
        Apply(await Check("h1", T0.AddHours(1), "error-rate=pass", "response-times=pass", "error-patterns=pass", "clients=pass"));
        Apply(await Check("h4", T0.AddHours(4), "no-recurrence=pass", "regression-suite=pass"));
        Apply(await Check("h24", T0.AddHours(24), "side-effects=pass"));
        var status = Status(T0.AddHours(30));
        Assert.False(status.CanDeclareStable);
        Assert.Equal(["h24 sustained-fix not checked yet (due 2026-03-25 10:00 +01:00)"], status.NotStableBecause);
        Apply(await Check("h24", T0.AddHours(30), "sustained-fix=pass"));
        Assert.True(Status(T0.AddHours(30)).CanDeclareStable);
    }

    [Fact]
    public async Task A_new_deploy_restarts_the_window_and_earlier_results_no_longer_count()
    {
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, null));
        Apply(await Check("h1", T0.AddHours(1), "error-rate=pass"));
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0.AddHours(2), "second fix"));
        var status = Status(T0.AddHours(2.5));
        Assert.Equal(T0.AddHours(2), status.Deployed!.At);
        Assert.Equal(CheckState.Pending, status.Checkpoints[0].Checks[0].State);
        Assert.Equal(CheckpointState.NotDue, status.Checkpoints[0].State);
    }

    [Fact]
    public async Task Bad_checkpoints_and_checks_are_input_errors_naming_the_expected_values()
    {
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, null));
        var e1 = await Assert.ThrowsAsync<HotfixInputException>(() => Check("h2", T0.AddHours(3), "error-rate=pass"));
        Assert.Equal("--at 'h2': not a checkpoint of the stability window; expected one of h1, h4, h24 (policy stabilityWindow.checkpoints)", e1.Message);
        var e2 = await Assert.ThrowsAsync<HotfixInputException>(() => Check("h1", T0.AddHours(3), "no-recurrence=pass"));
        Assert.Equal("--check 'no-recurrence': not a h1 check (it is due at h4); expected one of error-rate, response-times, error-patterns, clients", e2.Message);
        var e3 = await Assert.ThrowsAsync<HotfixInputException>(() => Check("h1", T0.AddHours(3), "error-rate=pass", "error-rate=fail"));
        Assert.Contains("given twice", e3.Message);
        var e4 = await Assert.ThrowsAsync<HotfixInputException>(() => Check("h1", T0.AddHours(3), "error-rate"));
        Assert.Equal("--check 'error-rate': no metrics source measures it (attested); expected error-rate=pass|fail[:note] — what you attest", e4.Message);
        Assert.Empty(Record.OfKind(IncidentEventKinds.Verification));
    }

    [Fact]
    public async Task A_metrics_source_measures_the_checks_it_knows_and_is_recorded_as_the_source()
    {
        Apply(StabilityVerification.Deployed(Policy, Record, "sandro", T0, null));
        var metrics = new FakeMetrics();
        var outcome = await StabilityVerification.CheckAsync(Policy, Record, "h1",
            [new CheckInput("error-rate", null, null), new CheckInput("clients", true, "ACME confirmed")], metrics, "ci-bot", T0.AddHours(1), CancellationToken.None);
        Apply(outcome);
        Assert.Equal([("error-rate", T0, T0.AddHours(1))], metrics.Asked);
        var checks = Status(T0.AddHours(1)).Checkpoints[0].Checks;
        Assert.Equal(("prometheus", "error rate 0.3 % (baseline 0.4 %)", true), (checks[0].Latest!.Source, checks[0].Latest!.Note, checks[0].Latest!.Passed));
        Assert.Equal("attested", checks[3].Latest!.Source);
    }

    [Fact]
    public async Task The_window_follows_the_policy()
    {
        var policy = new HotfixPolicy
        {
            StabilityWindow = new StabilityWindowPolicy
            {
                Hours = 2,
                Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>>
                {
                    ["h2"] = [new() { Id = "calm", Check = "no pages" }],
                    ["h1"] = [new() { Id = "errors", Check = "errors at baseline" }],
                },
            },
        };
        Assert.Empty(Hotfix.Policy.Policies.Validation.HotfixPolicyValidator.Check(policy));
        Assert.Equal(["h1", "h2"], StabilityWindow.Checkpoints(policy.StabilityWindow).Select(c => c.Name));
        store.Record(StabilityEvents.Deployed(Incident, policy, "sandro", T0, null));
        foreach (var (point, check, hour) in new[] { ("h1", "errors", 1), ("h2", "calm", 2) })
        {
            Apply(await StabilityVerification.CheckAsync(policy, Record, point, [new CheckInput(check, true, null)], AttestedOnlyMetrics.Instance, "sandro", T0.AddHours(hour), CancellationToken.None));
        }

        Assert.True(StabilityWindow.Evaluate(policy, Record.Events, T0.AddHours(2)).CanDeclareStable);
    }

    [Theory]
    [InlineData("error-rate=pass", "error-rate", true, null)]
    [InlineData("error-rate=FAIL:spike at 10:40: p99 2s", "error-rate", false, "spike at 10:40: p99 2s")]
    [InlineData("error-rate", "error-rate", null, null)]
    [InlineData(" clients = pass :  ", "clients", true, null)]
    public void Check_inputs_parse(string text, string id, bool? passed, string? note)
    {
        Assert.True(CheckInput.TryParse(text, out var input));
        Assert.Equal(new CheckInput(id, passed, note), input);
    }

    [Theory]
    [InlineData("")]
    [InlineData("=pass")]
    [InlineData("error-rate=ok")]
    public void Bad_check_inputs_do_not_parse(string text) => Assert.False(CheckInput.TryParse(text, out _));

    private sealed class FakeMetrics : IStabilityMetrics
    {
        public List<(string, DateTimeOffset, DateTimeOffset)> Asked { get; } = [];

        public List<MetricRequest> Requests { get; } = [];

        public string Source => "prometheus";

        public Task<MetricReading?> MeasureAsync(MetricRequest request, CancellationToken cancellationToken)
        {
            Asked.Add((request.Check.Id, request.DeployedAt, request.At));
            Requests.Add(request);
            return Task.FromResult<MetricReading?>(request.Check.Id == "error-rate" ? new MetricReading(true, "error rate 0.3 % (baseline 0.4 %)") : null);
        }
    }
}
