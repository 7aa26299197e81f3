using System.Text.Json.Nodes;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Tests.Records;

public class RollbackEventsTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");
    private static readonly DateTimeOffset At = new(2026, 3, 24, 23, 30, 0, TimeSpan.Zero);

    private static RollbackRecord Record(string phase, RollbackOutcome? outcome = null, RollbackVerification? verification = null, IncidentId? incident = null, string? why = "v3 breaks checkout") =>
        new("rb-1", phase, incident ?? IncidentId.Parse("INC-2026-0042"), "alice", At, why, "https://cluster", Web, null, outcome, verification);

    [Fact]
    public void A_started_rollback_is_an_entry_without_outcome_that_the_record_accepts()
    {
        var entry = RollbackEvents.ToIncidentEvent(Record("started"), new JsonObject { ["x"] = 1 })!;
        Assert.Equal(IncidentEventKinds.Rollback, entry.Kind);
        Assert.Equal("started", entry.Phase);
        Assert.Null(entry.Outcome);
        Assert.Equal("v3 breaks checkout", entry.Reason);
        Assert.Equal("rb-1", entry.Ref);
        Assert.Equal(1, entry.Details!["x"]!.GetValue<int>());
        Assert.Empty(IncidentEventValidator.Check(entry));
    }

    [Fact]
    public void A_finished_rollback_carries_outcome_and_verification()
    {
        var verification = new RollbackVerification(null, new PodSummary("app=web", 2, []), RollbackVerification.RunbookChecks);
        var entry = RollbackEvents.ToIncidentEvent(
            Record("finished", new RollbackOutcome(RollbackResult.RolledBack, "rolled back", "deployment/web runs revision 4"), verification), null)!;
        Assert.Equal("rolled-back", entry.Outcome);
        Assert.Equal(
            [
                "pods running and ready: 0 of 2 (app=web)",
                "open (a person must check): verify the issue is resolved",
                "open (a person must check): verify no data was lost or corrupted",
                "open (a person must check): notify team that rollback was performed",
                "state: deployment/web runs revision 4",
            ],
            entry.Verification);
        Assert.Empty(IncidentEventValidator.Check(entry));
    }

    [Fact]
    public void A_refused_rollback_is_verified_by_the_state_it_left()
    {
        var entry = RollbackEvents.ToIncidentEvent(
            Record("finished", new RollbackOutcome(RollbackResult.Refused, "paused", "nothing was changed: deployment/web stays at revision 3")), null)!;
        Assert.Equal("refused", entry.Outcome);
        Assert.Equal(["state: nothing was changed: deployment/web stays at revision 3"], entry.Verification);
        Assert.Empty(IncidentEventValidator.Check(entry));
    }

    [Fact]
    public void Without_an_incident_there_is_no_entry()
    {
        var record = Record("started") with { Incident = null };
        Assert.Null(RollbackEvents.ToIncidentEvent(record, null));
    }

    [Fact]
    public void The_recorder_writes_both_logs_and_refuses_an_entry_the_record_would_reject_before_writing_either()
    {
        var log = new ListRecorder();
        var store = new InMemoryIncidentRecordStore();
        var recorder = new IncidentRollbackRecorder(log, store, _ => null);

        recorder.Append(Record("started"));
        Assert.Single(log.Records);
        Assert.Single(store.Read(IncidentId.Parse("INC-2026-0042")).Events);

        var e = Assert.Throws<InvalidOperationException>(() => recorder.Append(Record("started", why: null)));
        Assert.Contains("HF5006 reason", e.Message);
        Assert.Single(log.Records);
        Assert.Single(store.Read(IncidentId.Parse("INC-2026-0042")).Events);
    }

    private sealed class ListRecorder : IRollbackRecorder
    {
        public List<RollbackRecord> Records { get; } = [];

        public string Location => "memory";

        public void Append(RollbackRecord record) => Records.Add(record);
    }
}
