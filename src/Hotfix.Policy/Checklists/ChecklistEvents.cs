using System.Text.Json.Nodes;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Checklists;

/// <summary>Ticked-off checklist items in the incident record: one <c>deploy-step</c> entry each.</summary>
internal static class ChecklistEvents
{
    public static IncidentEvent Done(IncidentId incident, ChecklistEntry entry, string by, DateTimeOffset at, string? note) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.DeployStep,
        At = at,
        By = by,
        Summary = $"{entry.Phase.RunbookName()}: {entry.Text}",
        Outcome = "done",
        Details = new JsonObject { ["step"] = entry.Id, ["phase"] = entry.Phase.Name(), ["note"] = note },
    };

    /// <summary>The latest completion of each step id in <paramref name="events"/>.</summary>
    public static IReadOnlyDictionary<string, ChecklistCompletion> Completions(IEnumerable<IncidentEvent> events)
    {
        var done = new Dictionary<string, ChecklistCompletion>(StringComparer.Ordinal);
        foreach (var e in events.Where(e => e.Kind == IncidentEventKinds.DeployStep))
        {
            if (e.Details?["step"] is JsonValue step && step.TryGetValue<string>(out var id))
            {
                done[id] = new ChecklistCompletion(e.By, e.At, e.Details["note"] is JsonValue note && note.TryGetValue<string>(out var text) ? text : null);
            }
        }

        return done;
    }
}
