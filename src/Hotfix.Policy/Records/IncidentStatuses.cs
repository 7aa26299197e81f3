using System.Text.Json.Nodes;

namespace Hotfix.Policy.Records;

/// <summary>
/// The incident's status as incident tools keep it — POST_DEPLOY "IF: all clear THEN: update incident status to
/// "mitigated" or "resolved"" — recorded as <c>status</c> entries; the latest one is the status. Closing the incident
/// (<c>hotfix verify --close</c>) needs <see cref="Resolved"/>.
/// </summary>
internal static class IncidentStatuses
{
    public const string Investigating = "investigating";
    public const string Mitigated = "mitigated";
    public const string Monitoring = "monitoring";
    public const string Resolved = "resolved";

    public const string ExpectedForm = "investigating, mitigated, monitoring or resolved";

    public static readonly IReadOnlyList<string> All = [Investigating, Mitigated, Monitoring, Resolved];

    /// <summary>A status entry; <paramref name="previous"/> (the status before) goes into the summary so the timeline reads as a change.</summary>
    public static IncidentEvent Changed(IncidentId incident, string status, string? previous, string? note, string by, DateTimeOffset at) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.Status,
        At = at,
        By = by,
        Summary = $"incident status: {(previous is null || previous == status ? status : $"{previous} → {status}")}" + (note is null ? string.Empty : $" — {note}"),
        Outcome = status,
        Details = new JsonObject { ["status"] = status, ["previous"] = previous, ["note"] = note },
    };

    /// <summary>Why the status cannot change now — the incident was closed — or null when it can.</summary>
    public static string? Refusal(IncidentRecord record) =>
        record.OfKind(IncidentEventKinds.Closed).LastOrDefault() is { } closed
            ? $"{record.Incident} was closed by {closed.By} at {closed.At.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)}; its status no longer changes (a recurrence is a new incident)"
            : null;

    /// <summary>The latest status entry of the record (appended last among equals), or null when none was recorded.</summary>
    public static IncidentEvent? Latest(IEnumerable<IncidentEvent> events) =>
        events.Where(e => e.Kind == IncidentEventKinds.Status && e.Outcome is not null).OrderBy(e => e.At).LastOrDefault();
}
