using Hotfix.Policy.Records;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Records;

public class IncidentEventTests
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private static readonly DateTimeOffset At = new(2026, 3, 24, 23, 41, 0, TimeSpan.FromHours(1));

    private static IncidentEvent Rollback(string? phase = null, string? reason = "error rate 30%", string? outcome = "rolled-back", params string[] verification) => new()
    {
        Incident = Incident,
        Kind = IncidentEventKinds.Rollback,
        At = At,
        By = "sandro",
        Summary = "rolled back deployment/orders",
        Reason = reason,
        Phase = phase,
        Outcome = outcome,
        Verification = verification,
    };

    [Fact]
    public void A_documented_rollback_is_valid_in_both_phases()
    {
        Assert.Empty(IncidentEventValidator.Check(Rollback(IncidentEventPhases.Started, outcome: null)));
        Assert.Empty(IncidentEventValidator.Check(Rollback(IncidentEventPhases.Finished, verification: ["issue resolved", "no data lost", "team notified"])));
    }

    [Fact]
    public void HF5006_a_rollback_needs_its_reason_and_once_finished_its_outcome_and_verification()
    {
        Assert.Equal(["HF5006 reason: missing; every rollback must be documented with its reason (why it was rolled back)"],
            IncidentEventValidator.Check(Rollback(IncidentEventPhases.Started, reason: " ", outcome: null)));
        var finished = IncidentEventValidator.Check(Rollback(outcome: null));
        Assert.Equal(2, finished.Count);
        Assert.StartsWith("HF5006 outcome: missing", finished[0]);
        Assert.StartsWith("HF5006 verification: missing", finished[1]);
        Assert.Contains("'ongoing' is not a phase", Assert.Single(IncidentEventValidator.Check(Rollback("ongoing", verification: ["x"]))));
        Assert.Equal(RuleCategory.Process, RuleCatalogue.Get(RuleIds.RollbackDocumented).Category);
    }

    [Fact]
    public void Every_entry_says_who_when_and_what()
    {
        var problems = IncidentEventValidator.Check(new IncidentEvent { Incident = Incident, Kind = "Deploy Step", At = default, By = "", Summary = "" });
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("kind: 'Deploy Step' is not a kind", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("by: missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("summary: missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("at: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Recording_an_invalid_entry_throws_and_appends_nothing()
    {
        var store = new InMemoryIncidentRecordStore();
        var e = Assert.Throws<HotfixInputException>(() => store.Record(Rollback(reason: null)));
        Assert.StartsWith("the rollback entry for INC-2026-0042 was not recorded:", e.Message);
        Assert.False(store.Read(Incident).Exists);
    }

    [Fact]
    public void A_line_is_one_compact_json_object_without_line_breaks_even_with_multi_line_text()
    {
        var line = IncidentEventCodec.ToLine(Rollback(verification: ["line one\nline two"]) with { Summary = "a\r\nb" });
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.StartsWith("{\"schemaVersion\":1,\"incident\":\"INC-2026-0042\",\"kind\":\"rollback\"", line);
        Assert.True(IncidentEventCodec.TryParseLine(line, out var back, out _));
        Assert.Equal("a\r\nb", back.Summary);
        Assert.Equal(["line one\nline two"], back.Verification);
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"incident":"INC-42","kind":"note","at":"2026-03-24T10:00:00Z","by":"x","summary":"y"}""", "incident id")]
    [InlineData("""{"schemaVersion":1,"incident":"INC-2026-0042","kind":"note","by":"x","summary":"y"}""", "not valid JSON for an event")]
    [InlineData("""[1,2]""", "not valid JSON for an event")]
    public void Lines_that_are_not_events_say_so(string line, string expected)
    {
        Assert.False(IncidentEventCodec.TryParseLine(line, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void The_in_memory_store_reads_back_what_was_appended_per_incident()
    {
        var store = new InMemoryIncidentRecordStore();
        store.Record(Rollback(verification: ["ok"]));
        store.Record(Rollback(verification: ["ok"]) with { Incident = IncidentId.Parse("INC-2026-0043") });
        var record = store.Read(Incident);
        Assert.True(record.Exists);
        Assert.Equal("memory:INC-2026-0042", record.Location);
        Assert.Single(record.Events);
        Assert.Empty(record.Problems);
    }
}
