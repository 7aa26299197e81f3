
namespace Hotfix.Policy.Records;

/// <summary>Checked writes to an incident record, whichever store keeps it.</summary>
public static class IncidentRecordStoreExtensions
{
    /// <summary>
    /// Validates the event (<see cref="IncidentEventValidator"/>) and appends it, with a new unique
    /// <see cref="IncidentEvent.Id"/> when it has none. An invalid event is never written:
    /// <see cref="HotfixInputException"/> lists every problem.
    /// </summary>
    public static void Record(this IIncidentRecordStore store, IncidentEvent incidentEvent)
    {
        var problems = IncidentEventValidator.Check(incidentEvent);
        if (problems.Count > 0)
        {
            throw new HotfixInputException(
                $"the {incidentEvent.Kind} entry for {incidentEvent.Incident} was not recorded:\n  " + string.Join("\n  ", problems));
        }

        store.Append(IncidentEventIds.WithId(incidentEvent));
    }
}
