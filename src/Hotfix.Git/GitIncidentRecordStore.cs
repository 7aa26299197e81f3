using System.Diagnostics;
using System.Text;
using Hotfix.Policy.Records;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// The incident record in the repository's git database (<see cref="IncidentRefs"/>): append-only, content-addressed,
/// travelling with fetch and push (<see cref="GitIncidentRecordSync"/>). Recording never touches the working tree,
/// the index or HEAD.
/// <list type="bullet">
/// <item>An append writes a blob, a tree and a commit, then moves the reference by compare-and-swap from the value it
/// read; a concurrent writer (thread or process) that moved it first makes this one read again and retry, so no
/// entry is ever lost.</item>
/// <item>Killed before the reference moves, an append leaves only unreferenced objects (garbage git collects); the
/// record is as it was.</item>
/// </list>
/// </summary>
internal sealed class GitIncidentRecordStore : IIncidentRecordStore
{
    private readonly TimeSpan contentionTimeout;

    /// <param name="repositoryPath">The repository (its work tree or git directory).</param>
    /// <param name="contentionTimeout">How long an append keeps retrying against other writers; 30 s when null.</param>
    public GitIncidentRecordStore(string repositoryPath, TimeSpan? contentionTimeout = null)
    {
        using var repository = Open(repositoryPath);
        GitDirectory = repository.Info.Path;
        this.contentionTimeout = contentionTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The repository's git directory, where the records live.</summary>
    public string GitDirectory { get; }

    public string LocationOf(IncidentId incident) => $"{IncidentRefs.Of(incident)} in {GitDirectory.TrimEnd('/', '\\')}";

    public void Append(IncidentEvent incidentEvent)
    {
        ArgumentNullException.ThrowIfNull(incidentEvent);
        AppendAll(incidentEvent.Incident, [incidentEvent], $"{incidentEvent.Kind}: {incidentEvent.Summary}");
    }

    /// <summary>
    /// Adds the entries whose ids the record does not hold yet, in one commit (an import). Returns how many were added.
    /// </summary>
    public int AppendAll(IncidentId incident, IReadOnlyList<IncidentEvent> events, string message)
    {
        var name = IncidentRefs.Of(incident);
        var clock = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            int added;
            SwapResult result;
            using (var repository = Open(GitDirectory))
            {
                var tip = repository.Refs[name]?.ResolveToDirectReference()?.Target as Commit;
                var existing = tip is null ? [] : EventFiles(tip).Select(f => IncidentRefs.IdOf(f.Name)).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var sequence = existing.Count;
                var tree = tip is null ? new TreeDefinition() : TreeDefinition.From(tip.Tree);
                added = 0;
                foreach (var incidentEvent in events)
                {
                    if (incidentEvent.Incident != incident)
                    {
                        throw new ArgumentException($"an entry of {incidentEvent.Incident} cannot go to the record of {incident}", nameof(events));
                    }

                    if (!existing.Add(IncidentEventIds.Of(incidentEvent)))
                    {
                        continue;
                    }

                    if (added == 0)
                    {
                        RecordKillHook.BeforeWrite("incident record: objects");
                    }

                    var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(IncidentEventCodec.ToLine(incidentEvent) + "\n")));
                    tree.Add($"{IncidentRefs.EventsFolder}/{IncidentRefs.FileName(incidentEvent, sequence++)}", blob, Mode.NonExecutableFile);
                    added++;
                }

                if (added == 0)
                {
                    return 0;
                }

                var commit = CreateCommit(repository, tree, tip is null ? [] : [tip], message);
                RecordKillHook.BeforeWrite("incident record: reference " + name);
                result = ReferenceSwap.Swap(GitDirectory, name, commit.Sha, tip?.Sha, "hotfix: record");
            }

            if (result == SwapResult.Swapped)
            {
                return added;
            }

            if (clock.Elapsed > contentionTimeout)
            {
                throw new HotfixOperationException(
                    $"cannot record in {LocationOf(incident)}: other writers kept moving it for {contentionTimeout.TotalSeconds:0} s",
                    "the entry was not recorded; the record is unchanged");
            }

            Thread.Sleep(Random.Shared.Next(delay, delay * 2 + 1));
            delay = Math.Min(delay * 2, 50);
        }
    }

    public IncidentRecord Read(IncidentId incident)
    {
        using var repository = Open(GitDirectory);
        var tip = repository.Refs[IncidentRefs.Of(incident)]?.ResolveToDirectReference()?.Target as Commit;
        if (tip is null)
        {
            return new IncidentRecord(incident, LocationOf(incident), false, [], []);
        }

        return ReadCommit(incident, LocationOf(incident), tip);
    }

    /// <summary>The incidents that have a record in this repository, by id.</summary>
    public IReadOnlyList<IncidentId> Incidents()
    {
        using var repository = Open(GitDirectory);
        return repository.Refs.FromGlob(IncidentRefs.Prefix + "*")
            .Select(r => IncidentId.TryParse(r.CanonicalName[IncidentRefs.Prefix.Length..], out var id) ? id : (IncidentId?)null)
            .OfType<IncidentId>()
            .OrderBy(id => id.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The entries of one commit's tree, in file-name order (time, then recording order, then id).</summary>
    internal static IncidentRecord ReadCommit(IncidentId incident, string location, Commit commit)
    {
        var events = new List<IncidentEvent>();
        var problems = new List<RecordProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = EventFiles(commit);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var text = file.Target is Blob blob ? blob.GetContentText(Encoding.UTF8).TrimEnd('\n', '\r') : string.Empty;
            if (!IncidentEventCodec.TryParseLine(text, out var parsed, out var error))
            {
                problems.Add(new RecordProblem(i + 1, $"{IncidentRefs.EventsFolder}/{file.Name}: {error}", false));
            }
            else if (parsed.Incident != incident)
            {
                problems.Add(new RecordProblem(i + 1, $"{IncidentRefs.EventsFolder}/{file.Name}: belongs to {parsed.Incident}, not {incident}", false));
            }
            else if (seen.Add(IncidentEventIds.Of(parsed)))
            {
                events.Add(parsed);
            }
        }

        return new IncidentRecord(incident, location, true, events, problems);
    }

    internal static List<TreeEntry> EventFiles(Commit commit) =>
        commit.Tree[IncidentRefs.EventsFolder]?.Target is Tree events
            ? events.Where(e => e.TargetType == TreeEntryTargetType.Blob).OrderBy(e => e.Name, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>A commit by the user git is configured with (user.name, user.email), else by "hotfix"; signed when they sign commits.</summary>
    internal static Commit CreateCommit(Repository repository, TreeDefinition tree, IReadOnlyList<Commit> parents, string message)
    {
        var now = DateTimeOffset.Now;
        var signature = repository.Config.BuildSignature(now) ?? new Signature("hotfix", "hotfix@localhost", now);
        var written = repository.ObjectDatabase.CreateTree(tree);
        return SignedCommits.Wanted(repository)
            ? repository.Lookup<Commit>(SignedCommits.Create(repository, written.Id, parents, OneLine(message) + "\n", signature, signature, "the incident-record entry", "nothing was recorded; the record is unchanged"))
            : repository.ObjectDatabase.CreateCommit(signature, signature, OneLine(message) + "\n", written, parents, prettifyMessage: false);
    }

    internal static Repository Open(string path)
    {
        try
        {
            return new Repository(path);
        }
        catch (LibGit2SharpException e)
        {
            throw new HotfixOperationException($"cannot open the git repository '{path}' for the incident record ({e.Message.Trim()})", "nothing was recorded", e);
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200];
    }
}
