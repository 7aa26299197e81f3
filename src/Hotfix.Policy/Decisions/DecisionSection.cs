using System.Text.Json;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Decisions;

/// <summary>A decision for people (text, Markdown) and machines (JSON).</summary>
internal sealed class DecisionSection(RollbackDecision decision) : ReportSection
{
    public RollbackDecision Decision { get; } = decision;

    public override string Key => "decision";

    public override string Title => "Rollback or forward-fix: " + Decision.Display;

    public override void WriteJson(Utf8JsonWriter writer) =>
        JsonSerializer.Serialize(writer, DecisionJson.From(Decision), DecisionJsonContext.Default.DecisionJson);

    public override void Describe(ReportDocumentBuilder document)
    {
        var rule = Decision.Rule;
        document.Facts(
            ("Decision", Decision.Display),
            ("Rule", $"{rule.Id} (precedence {rule.Precedence})"),
            (rule.Source.Kind == DecisionSourceKind.Runbook ? "Runbook" : "Policy default", rule.Source.Text),
            ("Why", Decision.Decided.Why));

        var others = Decision.Matched.Where(m => !m.Won).ToList();
        if (others.Count > 0)
        {
            document.Heading("Also matched, and why it lost");
            document.List(others.Select(m => $"{m.Row.Id} → {Display(m.Row)}: {m.Why}; {m.LostBecause}"));
        }

        if (Decision.Undetermined.Count > 0)
        {
            document.Heading("Not evaluated (input missing) — could change the decision");
            document.List(Decision.Undetermined.Select(u => $"{u.Row.Id} → {Display(u.Row)}: needs {string.Join(" and ", u.MissingInputs)} (known: {u.Known})"));
        }

        document.Heading("Facts");
        document.List(Decision.Facts);
        document.Heading("Next steps");
        foreach (var step in Decision.NextSteps)
        {
            document.List([step.Text]);
            if (step.Commands.Count > 0)
            {
                document.Commands(step.Commands);
            }

            // Hosts word Hotfix's own operations their way; the command line turns them into commands beforehand.
            if (step.Actions.Count > 0)
            {
                document.List(step.Actions.Select(a => $"Hotfix operation: {string.Join(' ', [a.Verb, .. a.Arguments])}").ToList());
            }
        }
    }

    private static string Display(DecisionRow row) => row.Detail is null ? row.Decision : $"{row.Decision} ({row.Detail})";
}
