using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Reviews;

/// <summary>Review records in the incident record: one <c>review</c> event holding the whole record.</summary>
internal static class ReviewEvents
{
    public static IncidentEvent ToEvent(IncidentId incident, ReviewRecord record, DateTimeOffset recordedAt)
    {
        var severity = record.Severity?.Name() ?? "?";
        var summary = $"{severity} review by {string.Join(", ", record.Reviewers)}: {record.Checked.Count} checked, {record.Skipped.Count} skipped";
        if (record.FollowUp is { } followUp)
        {
            summary += $"; follow-up {followUp.Ticket} due {followUp.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }

        return new IncidentEvent
        {
            Incident = incident,
            Kind = IncidentEventKinds.Review,
            At = record.When ?? recordedAt,
            By = string.Join(", ", record.Reviewers.Select(r => r.Name)),
            Summary = summary,
            Outcome = "passed",
            Details = JsonSerializer.SerializeToNode(record with { Incident = incident }, ReviewJsonContext.Default.ReviewRecord)!.AsObject(),
        };
    }

    /// <summary>The review record an event holds; null when the event is not a readable review.</summary>
    public static ReviewRecord? FromEvent(IncidentEvent incidentEvent)
    {
        if (incidentEvent.Kind != IncidentEventKinds.Review || incidentEvent.Details is null)
        {
            return null;
        }

        try
        {
            return incidentEvent.Details.Deserialize(ReviewJsonContext.Default.ReviewRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
