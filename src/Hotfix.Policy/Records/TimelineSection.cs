using System.Globalization;
using System.Text.Json;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Records;

/// <summary>
/// An incident record as a timeline (<c>hotfix record INC-…</c>): every entry in time order (entries of the same time in
/// the order they were appended — a deploy recorded afterwards with its real time lands where it happened), and every
/// unreadable line.
/// </summary>
internal sealed class TimelineSection(IncidentRecord record) : ReportSection
{
    public IncidentRecord Record { get; } = record;

    public IReadOnlyList<IncidentEvent> Timeline { get; } = record.Events.OrderBy(e => e.At).ToList();

    public override string Key => "record";

    public override string Title => $"Incident record — {Record.Incident}";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("incident", Record.Incident.ToString());
        writer.WriteString("location", Record.Location);
        writer.WriteBoolean("exists", Record.Exists);
        writer.WriteStartArray("events");
        foreach (var e in Timeline)
        {
            writer.WriteRawValue(IncidentEventCodec.ToLine(e));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var p in Record.Problems)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", p.Line);
            writer.WriteString("message", p.Message);
            writer.WriteBoolean("tornTail", p.IsTornTail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
        document.Facts(("Record", Record.Location), ("Entries", Record.Events.Count.ToString(CultureInfo.InvariantCulture)));
        if (Record.Events.Count > 0)
        {
            document.Table(["When", "What", "By", "Entry"], Timeline.Select(e => (IReadOnlyList<string>)[When(e.At), Kind(e), e.By, Entry(e)]));
        }
        else
        {
            document.Paragraph(Record.Exists ? "The record has no readable entries." : "Nothing is recorded for this incident yet.");
        }

        if (Record.Problems.Count > 0)
        {
            document.Heading("Unreadable lines (the entries above are intact)");
            document.List(Record.Problems.Select(p => p.ToString()));
        }
    }

    private static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Kind(IncidentEvent e) => e.Phase is null ? e.Kind : $"{e.Kind} ({e.Phase})";

    private static string Entry(IncidentEvent e)
    {
        var parts = new List<string> { e.Summary };
        if (e.Reason is { } reason && !e.Summary.Contains(reason, StringComparison.Ordinal))
        {
            parts.Add("why: " + reason);
        }

        if (e.Kind == IncidentEventKinds.Rollback && e.Outcome is { } outcome)
        {
            parts.Add("outcome: " + outcome);
        }

        if (e.Verification.Count > 0)
        {
            parts.Add("verified: " + string.Join("; ", e.Verification));
        }

        return string.Join(" — ", parts);
    }
}
