using Hotfix.Git;
using Hotfix.Policy.Records;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// <c>hotfix record INC --sync</c> and <c>hotfix record --list</c>: the repository's incident records as the team
/// shares them through its remote.
/// </summary>
internal static class RecordSharing
{
    public const string DefaultRemote = "origin";

    /// <summary>Bounds each fetch and push: libgit2 has no deadline of its own for a server that never answers.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static GitIncidentRecordStore GitStore(IIncidentRecordStore store, string what) => store switch
    {
        GitIncidentRecordStore git => git,
        AutoSyncedRecordStore auto => auto.Inner,
        _ => throw new HotfixInputException($"{what}: the record is kept in files ({store.GetType().Name}), not in a git repository; expected to run inside the service's repository or with --repo PATH"),
    };

    /// <summary>Fetches, merges by union and pushes the record of <paramref name="incident"/>; prints what moved.</summary>
    public static void Sync(CliEnvironment environment, IIncidentRecordStore store, IncidentId incident, string remote, TimeSpan timeout)
    {
        var git = GitStore(store, "--sync");
        var outcome = new GitIncidentRecordSync(git, timeout).Sync(incident, remote);
        environment.Error.WriteLine(
            $"hotfix: synced {git.LocationOf(incident)} with '{remote}': {outcome.Received} entr{(outcome.Received == 1 ? "y" : "ies")} received, " +
            $"{outcome.Sent} sent; {outcome.Events} in the record" + (outcome.Attempts > 1 ? $" ({outcome.Attempts} rounds: another clone pushed meanwhile)" : string.Empty));
    }

    /// <summary>One line per incident recorded in the repository: id, entries, latest entry.</summary>
    public static void List(CliEnvironment environment, IIncidentRecordStore store)
    {
        var git = GitStore(store, "--list");
        var incidents = git.Incidents();
        if (incidents.Count == 0)
        {
            environment.Error.WriteLine($"hotfix: no incident is recorded in {git.GitDirectory} (git fetch origin '{IncidentRefs.FetchAll}' brings the team's)");
            return;
        }

        foreach (var incident in incidents)
        {
            var record = git.Read(incident);
            var last = record.Events.Count == 0 ? "-" : record.Events.Max(e => e.At).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
            environment.Out.WriteLine($"{incident}  {record.Events.Count,4} entries  last {last}");
        }
    }
}
