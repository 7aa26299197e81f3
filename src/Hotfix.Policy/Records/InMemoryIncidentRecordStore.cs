
namespace Hotfix.Policy.Records;

/// <summary>
/// An incident record store in memory, for hosts that keep records elsewhere and forward them, and for tests. Events
/// go through the same line format as the file store, so what a host reads back is what a file would hold.
/// </summary>
public sealed class InMemoryIncidentRecordStore : IIncidentRecordStore
{
    private readonly Dictionary<IncidentId, List<string>> lines = [];
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public string LocationOf(IncidentId incident) => $"memory:{incident}";

    /// <inheritdoc/>
    public void Append(IncidentEvent incidentEvent)
    {
        var line = IncidentEventCodec.ToLine(incidentEvent);
        lock (gate)
        {
            if (!lines.TryGetValue(incidentEvent.Incident, out var list))
            {
                lines[incidentEvent.Incident] = list = [];
            }

            list.Add(line);
        }
    }

    /// <inheritdoc/>
    public IncidentRecord Read(IncidentId incident)
    {
        lock (gate)
        {
            return lines.TryGetValue(incident, out var list)
                ? IncidentEventCodec.Parse(incident, LocationOf(incident), string.Join('\n', list) + "\n")
                : new IncidentRecord(incident, LocationOf(incident), false, [], []);
        }
    }
}
