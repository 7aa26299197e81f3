using System.Text.Json;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.TestRuns;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// The <c>requiredTests</c> section: the test plan as an array of <c>{id, reason, runbookLine, when, description,
/// command, justification}</c>; a checklist for people (Markdown renders it as boxes to tick in the PR).
/// </summary>
internal sealed class RequiredTestsSection(
    IReadOnlyList<RequiredTest> tests,
    string? unavailableReason,
    TestEvidence? evidence = null,
    IReadOnlyList<(string Id, string Reason)>? notRequired = null) : ReportSection
{
    public override string Key => "requiredTests";

    public override string Title => "Required tests";

    public IReadOnlyList<RequiredTest> Tests => tests;

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var test in tests)
        {
            writer.WriteStartObject();
            writer.WriteString("id", test.Id);
            writer.WriteString("reason", test.Reason);
            writer.WriteString("runbookLine", test.RunbookLine);
            writer.WriteString("when", test.When);
            writer.WriteString("description", test.Description);
            ScopeSection.WriteStringOrNull(writer, "command", test.Command);
            writer.WriteBoolean("justificationRequired", test.JustificationRequired);

            // The justification is the team's to write (--justify); Hotfix never invents one.
            ScopeSection.WriteStringOrNull(writer, "justification", test.Justification);
            RecordedTestRunsJson.Write(writer, test.Id, evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        if (unavailableReason is not null)
        {
            document.Paragraph($"The change set is not available ({unavailableReason}): the conditional tests could not be derived from the change. " +
                "Add migration-up-down, api-client-payloads, auth-end-to-end or load-test by hand if the change is of that kind.");
        }

        if (evidence?.EnvironmentWarning() is { } warning)
        {
            document.Paragraph("Warning: " + warning);
        }

        var before = tests.Where(t => t.When == TestTiming.PreDeploy).ToList();
        document.Heading("Before the deploy");
        document.Checklist(before.Select(t => WithRecord(Item(t), t.Id)));
        var after = tests.Where(t => t.When == TestTiming.PostDeploy).ToList();
        if (after.Count > 0)
        {
            document.Heading("After the deploy (SEV1: SKIP_WITH_JUSTIFICATION)");
            document.Checklist(after.Select(t => WithRecord(Item(t) with { Note = Item(t).Note + " — justification: " + (t.Justification ?? "____ (--justify " + t.Id + "=TEXT)") }, t.Id)));
        }

        // Suites whose condition the change does not meet are named once, with why, so their absence is not a surprise.
        foreach (var group in (notRequired ?? []).GroupBy(n => n.Reason))
        {
            document.Paragraph($"Not required: {string.Join(", ", group.Select(n => n.Id))} — {group.Key} (policy tests.appliesTo).");
        }
    }

    /// <summary>Ticked when the incident record holds a passing run of the suite, with when, where and by whom.</summary>
    private ChecklistItem WithRecord(ChecklistItem item, string suite)
    {
        if (evidence is null)
        {
            return item;
        }

        var pass = evidence.LatestPass(suite);
        var last = evidence.RunsOf(suite).LastOrDefault();
        var recorded = pass is not null ? "recorded: " + TestEvidence.Describe(pass)
            : last is not null ? "recorded: " + TestEvidence.Describe(last)
            : $"no run recorded (hotfix test {suite})";
        return item with { Done = pass is not null, Note = item.Note + " — " + recorded };
    }

    private static ChecklistItem Item(RequiredTest test) =>
        new($"{test.Id}: {test.Description}", Note: test.Reason + (test.Command is null ? string.Empty : $" — run: {test.Command}"));
}

internal sealed class RequiredTestsSectionProvider : Checks.IReportSectionProvider
{
    public ReportSection Build(CheckContext context)
    {
        var classification = Classification.ChangeClassification.Of(context);
        var justifications = context.Options.Justifications;
        var (required, notRequired) = TestPlan.Explain(context);
        var plan = required
            .Select(t => t.When == TestTiming.PostDeploy && justifications.TryGetValue(t.Id, out var text) ? t with { Justification = text } : t)
            .ToList();

        // The incident record, when the host keeps one, says which suites already ran for this incident, and where.
        var evidence = SubjectIncident.RecordOf(context) is { } record ? TestEvidence.From(context.Policy, record.Events) : null;
        return new RequiredTestsSection(plan, classification.UnavailableReason, evidence, notRequired);
    }
}
