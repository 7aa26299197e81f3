using System.Text.Json;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>The <c>classification</c> section: an array of change kinds in JSON; kinds with their evidence for people.</summary>
internal sealed class ClassificationSection(ChangeClassification classification) : ReportSection
{
    /// <summary>Files with evidence shown per kind in text and Markdown.</summary>
    public const int SignalsShown = 5;

    public override string Key => "classification";

    public override string Title => "Classification";

    public ChangeClassification Classification => classification;

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var kind in classification.Kinds)
        {
            writer.WriteStringValue(kind);
        }

        writer.WriteEndArray();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        if (classification.UnavailableReason is { } reason)
        {
            document.Paragraph($"The change set is not available ({reason}), so the change could not be classified from its files" +
                (classification.Kinds.Count > 0 ? "; only the declared kinds are listed." : ": declare its kinds with --kind database,api,… or review them by hand."));
        }
        else if (classification.Kinds.Count == 0)
        {
            document.Paragraph("No database, api, auth, performance, infrastructure, frontend or config change found (declare one with --kind).");
            return;
        }

        document.List(classification.Kinds.Select(kind => $"{kind} — {ChangeKindSignal.Summarize(classification.SignalsFor(kind), SignalsShown)}"));
    }
}

internal sealed class ClassificationSectionProvider : Checks.IReportSectionProvider
{
    public ReportSection Build(CheckContext context) => new ClassificationSection(ChangeClassification.Of(context));
}
