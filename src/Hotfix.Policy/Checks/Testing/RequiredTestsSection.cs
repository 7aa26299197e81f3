using System.Text.Json;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// The <c>requiredTests</c> section: the test plan as an array of <c>{id, reason, runbookLine, when, description,
/// command, justification}</c>; a checklist for people (Markdown renders it as boxes to tick in the PR).
/// </summary>
internal sealed class RequiredTestsSection(IReadOnlyList<RequiredTest> tests, string? unavailableReason) : ReportSection
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

        var before = tests.Where(t => t.When == TestTiming.PreDeploy).ToList();
        document.Heading("Before the deploy");
        document.Checklist(before.Select(Item));
        var after = tests.Where(t => t.When == TestTiming.PostDeploy).ToList();
        if (after.Count > 0)
        {
            document.Heading("After the deploy (SEV1: SKIP_WITH_JUSTIFICATION)");
            document.Checklist(after.Select(t => Item(t) with { Note = Item(t).Note + " — justification: " + (t.Justification ?? "____ (--justify " + t.Id + "=TEXT)") }));
        }
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
        var plan = TestPlan.For(context.Policy.Tests, classification, context.Options.Severity)
            .Select(t => t.When == TestTiming.PostDeploy && justifications.TryGetValue(t.Id, out var text) ? t with { Justification = text } : t)
            .ToList();
        return new RequiredTestsSection(plan, classification.UnavailableReason);
    }
}
