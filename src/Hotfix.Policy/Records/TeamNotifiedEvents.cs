using System.Text.Json.Nodes;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Records;

/// <summary>
/// The incident record's note that the team was told (or that telling it failed): the runbook's CHECK "notify team
/// of rollback and next steps", kept beside the operation it reports (same <see cref="IncidentEvent.Ref"/>).
/// </summary>
internal static class TeamNotifiedEvents
{
    public static IncidentEvent ToEvent(IncidentId incident, TeamNotification notification, TeamNotificationResult result, DateTimeOffset at) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.TeamNotified,
        At = at,
        By = notification.Who,
        Summary = result.Notified
            ? $"team notified of {notification.Event} via {string.Join(", ", result.Delivered)}" + (result.Failures.Count > 0 ? $" (not via {string.Join("; ", result.Failures)})" : string.Empty)
            : $"team NOT notified of {notification.Event}: {string.Join("; ", result.Failures)}",
        Outcome = result.Notified ? "notified" : "failed",
        Ref = notification.Ref,
        Details = new JsonObject
        {
            ["event"] = notification.Event,
            ["delivered"] = new JsonArray(result.Delivered.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            ["failed"] = new JsonArray(result.Failures.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
            ["message"] = notification.Text,
        },
    };
}
