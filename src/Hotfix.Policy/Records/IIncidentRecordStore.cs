
namespace Hotfix.Policy.Records;

/// <summary>
/// The incident record port: an append-only log of events per incident. The file adapter (Hotfix.Records) keeps one
/// JSON-lines file per incident; hosts may store records elsewhere (a database, an incident portal) by implementing
/// this. Appends must be atomic per event (never interleaved with another appender's) and must never alter earlier
/// entries. Use <see cref="IncidentRecordStoreExtensions.Record"/> to append: it validates the event first.
/// </summary>
public interface IIncidentRecordStore
{
    /// <summary>Where the record of <paramref name="incident"/> is kept, for messages (a path, a URL).</summary>
    string LocationOf(IncidentId incident);

    /// <summary>Appends one event; throws when it cannot (nothing is appended then).</summary>
    void Append(IncidentEvent incidentEvent);

    /// <summary>The record of <paramref name="incident"/>; <see cref="IncidentRecord.Exists"/> is false when there is none yet.</summary>
    IncidentRecord Read(IncidentId incident);
}
