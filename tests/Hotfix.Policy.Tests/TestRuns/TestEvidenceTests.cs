using System.Text;
using System.Text.Json;
using Hotfix.Policy.Checklists;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Testing;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.TestRuns;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.TestRuns;

/// <summary>
/// Recorded test runs as evidence: the checklist ticks its test items from passing runs, the test plan shows which
/// suites passed for the incident, and both say "testing only in dev environment" when a staging exists.
/// </summary>
public class TestEvidenceTests
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private static readonly DateTimeOffset T0 = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly HotfixPolicy Staged = PolicyParser.Parse("""
        {
          "tests": { "commands": { "smoke": ["npm", "run", "test", "--", "--grep", "{feature}", "--bail"], "regression": ["npm", "run", "reg"], "full-regression": "npm run full" } },
          "environments": [ { "name": "dev" }, { "name": "staging", "productionLike": true }, { "name": "production", "productionLike": true } ]
        }
        """, "hotfix.json").Policy!;

    private static IncidentEvent Run(string suite, string? environment, int? exit, int minutes, string by = "sandro", bool timedOut = false) =>
        TestRunEvents.ToEvent(Incident, new TestRun(suite, "checkout", environment, ["npm", "run", suite], exit, timedOut, TimeSpan.FromSeconds(42), by, T0.AddMinutes(minutes)));

    private static DeploymentChecklist Checklist(HotfixPolicy policy, params IncidentEvent[] recorded) =>
        DeploymentChecklistBuilder.Build(new DeploymentChecklistRequest { Policy = policy, Incident = Incident, Recorded = recorded });

    [Fact]
    public void A_run_round_trips_through_the_record()
    {
        var e = Run("smoke", "staging", 0, 5);
        Assert.Equal(IncidentEventKinds.TestRun, e.Kind);
        Assert.Empty(IncidentEventValidator.Check(e));
        Assert.Equal("smoke (checkout) in staging: pass in 42 s — npm run smoke", e.Summary);
        var run = Assert.Single(TestRunEvents.Read([e]));
        Assert.Equal(("smoke", "checkout", "staging", 0, false, true), (run.Suite, run.Feature, run.Environment, run.ExitCode, run.TimedOut, run.Passed));
        Assert.Equal(TimeSpan.FromSeconds(42), run.Duration);

        var timedOut = Assert.Single(TestRunEvents.Read([Run("smoke", "dev", null, 6, timedOut: true)]));
        Assert.False(timedOut.Passed);
        Assert.Contains("fail (timed out)", Run("smoke", "dev", null, 6, timedOut: true).Summary);
    }

    [Fact]
    public void A_test_run_or_status_entry_without_its_result_is_refused()
    {
        var noOutcome = Run("smoke", "dev", 0, 1) with { Outcome = "green" };
        Assert.Contains(IncidentEventValidator.Check(noOutcome), p => p.StartsWith("outcome: 'green' is not a test result", StringComparison.Ordinal));
        var status = IncidentStatuses.Changed(Incident, "fixed", null, null, "mira", T0);
        Assert.Contains(IncidentEventValidator.Check(status), p => p.Contains("expected investigating, mitigated, monitoring or resolved", StringComparison.Ordinal));
        Assert.Empty(IncidentEventValidator.Check(IncidentStatuses.Changed(Incident, IncidentStatuses.Mitigated, null, null, "mira", T0)));
    }

    [Fact]
    public void Passing_runs_tick_the_test_items_with_when_where_and_who()
    {
        var checklist = Checklist(Staged, Run("smoke", "staging", 0, 5), Run("regression", "staging", 1, 6), Run("full-regression", "production", 0, 90, "tobias"));

        var smoke = checklist.Find("pre.smoke")!;
        Assert.Equal(("sandro", T0.AddMinutes(5)), (smoke.Done!.By, smoke.Done.At));
        Assert.Equal("passed in staging (exit 0, 42 s)", smoke.Done.Note);
        Assert.Equal(["hotfix test smoke --feature <feature> --env staging", "npm run test -- --grep <feature> --bail"], smoke.Commands);

        var regression = checklist.Find("pre.regression")!;
        Assert.Null(regression.Done);
        Assert.Equal("last run failed in staging at 2026-03-24 10:06 +01:00 by sandro (exit 1, 42 s)", regression.Note);

        Assert.Equal("tobias", checklist.Find("post.full-regression")!.Done!.By);
        Assert.Null(checklist.Find("post.incident-status")!.Done);
    }

    [Fact]
    public void A_tick_by_hand_stays_but_says_no_run_backs_it()
    {
        var first = Checklist(Staged);
        var hand = ChecklistEvents.Done(Incident, first.Find("pre.regression")!, "sandro", T0, "looked fine");
        var regression = Checklist(Staged, hand).Find("pre.regression")!;
        Assert.Equal("looked fine", regression.Done!.Note);
        Assert.Equal("ticked by hand; no passing run is recorded (hotfix test regression)", regression.Note);
    }

    [Fact]
    public void Passing_only_in_dev_is_the_runbooks_anti_pattern_when_staging_exists()
    {
        var devOnly = TestEvidence.From(Staged, [Run("smoke", "dev", 0, 5), Run("regression", "dev", 0, 6), Run("regression", "staging", 2, 7)]);
        Assert.Equal(["smoke", "regression"], devOnly.PassedOnlyOutsideProductionLike());
        Assert.Equal(
            "ANTI_PATTERN: testing only in dev environment: the mandatory suites passed only outside a production-like environment: smoke (dev), regression (dev). "
            + "FIX: if staging exists, test there — production-like environment catches config-dependent bugs: hotfix test smoke --feature checkout --env staging; hotfix test regression --feature checkout --env staging",
            devOnly.EnvironmentWarning());

        var smoke = Checklist(Staged, Run("smoke", "dev", 0, 5)).Find("pre.smoke")!;
        Assert.NotNull(smoke.Done);
        Assert.Contains("ANTI_PATTERN: testing only in dev environment: passed only outside staging, production", smoke.Note);

        var staged = TestEvidence.From(Staged, [Run("smoke", "dev", 0, 5), Run("smoke", "staging", 0, 8)]);
        Assert.Null(staged.EnvironmentWarning());
        Assert.Equal("staging", staged.LatestPass("smoke")!.Environment);
        Assert.DoesNotContain("ANTI_PATTERN", Checklist(Staged, Run("smoke", "dev", 0, 5), Run("smoke", "staging", 0, 8)).Find("pre.smoke")!.Note ?? string.Empty);
    }

    [Fact]
    public void Without_a_production_like_environment_nobody_can_say_staging_exists()
    {
        var policy = PolicyParser.Parse("""{ "environments": [ { "name": "dev" }, { "name": "qa" } ] }""", "hotfix.json").Policy!;
        Assert.Null(TestEvidence.From(policy, [Run("smoke", "dev", 0, 5)]).EnvironmentWarning());
        Assert.Null(TestEvidence.From(HotfixPolicy.Runbook, [Run("smoke", null, 0, 5)]).EnvironmentWarning());
    }

    [Fact]
    public void A_mitigated_or_resolved_status_ticks_the_status_item()
    {
        var investigating = Checklist(Staged, IncidentStatuses.Changed(Incident, IncidentStatuses.Investigating, null, null, "mira", T0)).Find("post.incident-status")!;
        Assert.Null(investigating.Done);
        Assert.Equal("status now: investigating (mira)", investigating.Note);
        Assert.Equal(["hotfix record INC-2026-0042 --status resolved"], investigating.Commands);

        var resolved = Checklist(Staged,
            IncidentStatuses.Changed(Incident, IncidentStatuses.Investigating, null, null, "mira", T0),
            IncidentStatuses.Changed(Incident, IncidentStatuses.Resolved, IncidentStatuses.Investigating, null, "mira", T0.AddHours(1))).Find("post.incident-status")!;
        Assert.Equal(("mira", "status resolved"), (resolved.Done!.By, resolved.Done.Note));
        Assert.Equal("incident status: investigating → resolved", IncidentStatuses.Changed(Incident, IncidentStatuses.Resolved, IncidentStatuses.Investigating, null, "mira", T0).Summary);
    }

    [Fact]
    public void The_test_plan_shows_which_suites_passed_for_the_incident()
    {
        var store = new InMemoryIncidentRecordStore();
        store.Record(Run("smoke", "dev", 0, 5));
        store.Record(Run("integration", "staging", 1, 6));
        var context = Context([], policy: Staged);
        context.Ports.Add<IIncidentRecordStore>(store);
        var section = (RequiredTestsSection)new RequiredTestsSectionProvider().Build(context);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            section.WriteJson(writer);
        }

        var tests = JsonDocument.Parse(stream.ToArray()).RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("recorded"));
        Assert.True(tests["smoke"].GetProperty("passed").GetBoolean());
        Assert.True(tests["smoke"].GetProperty("passedOnlyOutsideProductionLike").GetBoolean());
        Assert.Equal("dev", tests["smoke"].GetProperty("runs")[0].GetProperty("environment").GetString());
        Assert.False(tests["integration"].GetProperty("passed").GetBoolean());
        Assert.Equal(1, tests["integration"].GetProperty("runs")[0].GetProperty("exitCode").GetInt32());
        Assert.Empty(tests["regression"].GetProperty("runs").EnumerateArray());

        using var text = new StringWriter();
        MarkdownBlockWriter.Write(section.Blocks(), text);
        var markdown = text.ToString();
        Assert.Contains("Warning: ANTI\\_PATTERN: testing only in dev environment", markdown);
        Assert.Contains("- [x] smoke: does the fix resolve the reported issue?", markdown);
        Assert.Contains("recorded: passed in dev at 2026-03-24 10:05 +01:00 by sandro (exit 0, 42 s)", markdown);
        Assert.Contains("- [ ] integration:", markdown);
        Assert.Contains("recorded: failed in staging", markdown);
        Assert.Contains("no run recorded (hotfix test regression)", markdown);
    }

    [Fact]
    public void One_check_run_reads_the_incident_record_once_for_all_its_sections_and_rules()
    {
        var store = new CountingStore();
        store.Inner.Record(Run("smoke", "staging", 0, 5));
        var context = Context([], new CheckOptions { Severity = IncidentSeverity.Sev2 }, Staged);
        context.Ports.Add<IIncidentRecordStore>(store);

        var tests = (RequiredTestsSection)new RequiredTestsSectionProvider().Build(context);
        var review = new Hotfix.Policy.Checks.Review.ReviewSectionProvider().Build(context);
        var findings = new Hotfix.Policy.Checks.Review.RecordedReviewRule().Evaluate(context).ToList();

        Assert.Equal(1, store.Reads);
        Assert.NotNull(review);
        Assert.NotEmpty(findings); // no review recorded: the gate says so, from the same read
        using var text = new StringWriter();
        MarkdownBlockWriter.Write(tests.Blocks(), text);
        Assert.Contains("- [x] smoke:", text.ToString());
    }

    private sealed class CountingStore : IIncidentRecordStore
    {
        public InMemoryIncidentRecordStore Inner { get; } = new();

        public int Reads { get; private set; }

        public string LocationOf(IncidentId incident) => Inner.LocationOf(incident);

        public void Append(IncidentEvent incidentEvent) => Inner.Append(incidentEvent);

        public IncidentRecord Read(IncidentId incident)
        {
            Reads++;
            return Inner.Read(incident);
        }
    }

    [Fact]
    public void Without_a_record_store_the_plan_says_nothing_about_runs()
    {
        var section = (RequiredTestsSection)new RequiredTestsSectionProvider().Build(Context([], policy: Staged));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            section.WriteJson(writer);
        }

        Assert.All(JsonDocument.Parse(stream.ToArray()).RootElement.EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("recorded").ValueKind));
        Assert.DoesNotContain("recorded", Encoding.UTF8.GetString(stream.ToArray()).Replace("\"recorded\":null", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
