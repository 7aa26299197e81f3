using Hotfix.Git;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Policy <c>records.sync: "auto"</c>: every write is followed by a sync with <c>origin</c>. The write itself never
/// depends on the network: when the remote cannot be reached, the entry stays local with a warning, and a later sync
/// takes it along.
/// </summary>
internal sealed class AutoSyncedRecordStore(GitIncidentRecordStore store, CliEnvironment environment) : IIncidentRecordStore
{
    public GitIncidentRecordStore Inner => store;

    public string LocationOf(IncidentId incident) => store.LocationOf(incident);

    public IncidentRecord Read(IncidentId incident) => store.Read(incident);

    public void Append(IncidentEvent incidentEvent)
    {
        store.Append(incidentEvent);
        try
        {
            new GitIncidentRecordSync(store, RecordSharing.DefaultTimeout).Sync(incidentEvent.Incident, RecordSharing.DefaultRemote);
        }
        catch (Exception e) when (e is HotfixOperationException or HotfixInputException)
        {
            environment.Error.WriteLine($"hotfix: warning: records.sync is auto but the record was not synced: {e.Message}; the entry is kept here — run hotfix record {incidentEvent.Incident} --sync later");
        }
    }
}
