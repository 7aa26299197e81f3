using Hotfix.Policy.Ports;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary><see cref="IHistoryReader"/>: merge-base, rev-list, first-parent history, patch ids, shallow boundary.</summary>
internal sealed partial class GitRepository : IHistoryReader
{
    private NativeRepository? native;
    private readonly Dictionary<(string?, string), string?> patchIdCache = [];
    private readonly Dictionary<string, CommitInfo> commitInfos = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<string>> mergeBaseCache = [];

    /// <summary>Direct libgit2 calls for walks, diffs and patch ids, on LibGit2Sharp's own handle (made on first use).</summary>
    private NativeRepository NativeHistory => native ??= NativeRepository.For(HistoryHandle);

    public CommitInfo? FindCommit(string revision) => LookupCommit(revision) is { } commit ? ToInfo(commit) : null;

    public string? MergeBase(string first, string second) =>
        MergeBasesOf(RequireCommit(first).Sha, RequireCommit(second).Sha) is [var best, ..] ? best : null;

    public bool IsAncestor(string ancestor, string descendant)
    {
        var a = RequireCommit(ancestor);
        var d = RequireCommit(descendant);
        // An ancestor of the other commit is their only best common ancestor; git merge-base --is-ancestor asks the same.
        return a.Id == d.Id || (MergeBasesOf(a.Sha, d.Sha) is [var best, ..] && best == a.Sha);
    }

    /// <summary>
    /// The best common ancestors of two commits, as git merge-base --all lists them (the first is what git merge-base
    /// prints), each pair computed once per repository handle: commits never change, and a finish asks for the same
    /// pairs in its shallow-history test, its "already merged?" tests, its trivial merges and the check it runs.
    /// </summary>
    /// <remarks>
    /// One base, or none, is the same answer whichever commit comes first; several come in date order, which need not
    /// be, so a pair asked the other way round recomputes them. "None" (a shallow clone's answer, which deeper history
    /// changes) is left to libgit2 to answer each time.
    /// </remarks>
    internal IReadOnlyList<string> MergeBasesOf(string firstSha, string secondSha)
    {
        if (mergeBaseCache.TryGetValue((firstSha, secondSha), out var bases) ||
            (mergeBaseCache.TryGetValue((secondSha, firstSha), out bases) && bases.Count == 1))
        {
            return bases;
        }

        bases = NativeHistory.MergeBases(firstSha, secondSha);
        if (bases.Count > 0)
        {
            mergeBaseCache[(firstSha, secondSha)] = bases;
        }

        return bases;
    }

    public IReadOnlyList<CommitInfo> ListCommits(string include, IReadOnlyCollection<string> exclude, int limit = int.MaxValue) =>
        EnumerateCommits(include, exclude).Take(limit).ToList();

    public IEnumerable<CommitInfo> EnumerateCommits(string include, IReadOnlyCollection<string> exclude) =>
        Walk(include, exclude).Select(ToInfo);

    // Counting and reachability need ids only: a native walk, not a LibGit2Sharp Commit per commit (50,000 of them
    // take seconds that way).
    public int CountCommits(string include, IReadOnlyCollection<string> exclude) =>
        NativeHistory.Walk(RequireCommit(include).Sha, exclude.Select(e => RequireCommit(e).Sha).ToList()).Count;

    public IReadOnlySet<string> ReachableFrom(string tip) =>
        NativeHistory.Walk(RequireCommit(tip).Sha, []).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<CommitInfo> FirstParentHistory(string tip)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = RequireCommit(tip),
            FirstParentOnly = true,
            SortBy = CommitSortStrategies.Topological,
        };
        return HistoryHandle.Commits.QueryBy(filter).Select(ToInfo);
    }

    public string? PatchId(string? fromSha, string toSha)
    {
        var from = fromSha is null ? null : RequireCommit(fromSha).Tree.Sha;
        var to = RequireCommit(toSha).Tree.Sha;
        if (patchIdCache.TryGetValue((from, to), out var cached))
        {
            return cached;
        }

        var id = ReadingContents(() => NativeHistory.PatchId(from, to));
        patchIdCache[(from, to)] = id;
        return id;
    }

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha) =>
        ReadingContents(() => NativeHistory.ChangedPaths(fromSha is null ? null : RequireCommit(fromSha).Tree.Sha, RequireCommit(toSha).Tree.Sha));

    public string? EntryId(string commitSha, string path) =>
        ReadingContents(() => NativeHistory.TryEntryId(commitSha, path, out var id) ? id : RequireCommit(commitSha)[path]?.Target.Sha);

    public IReadOnlyList<string> ShallowBoundary
    {
        get
        {
            // LibGit2Sharp has no API for the graft list; git keeps it as one sha per line in the common directory's
            // shallow file (Info.IsShallow looks in a linked working tree's own git directory and misses it there).
            var file = Path.Combine(CommonDirectory, "shallow");
            return File.Exists(file)
                ? File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList()
                : [];
        }
    }

    // git's own test (git_repository_is_empty): HEAD on a branch that does not exist yet, and no ref at all.
    public bool HasCommits => !repository.Info.IsHeadUnborn || HistoryHandle.Refs.Any();

    private IEnumerable<Commit> Walk(string include, IReadOnlyCollection<string> exclude)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = RequireCommit(include),
            ExcludeReachableFrom = exclude.Select(RequireCommit).ToList(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        return HistoryHandle.Commits.QueryBy(filter);
    }

    private Commit? LookupCommit(string revision)
    {
        try
        {
            return repository.Lookup<Commit>(revision);
        }
        catch (LibGit2SharpException)
        {
            // An ambiguous or malformed revision names no commit.
            return null;
        }
    }

    private Commit RequireCommit(string revision) =>
        LookupCommit(revision) ?? throw new ArgumentException($"'{revision}' names no commit in {Root}.", nameof(revision));

    /// <summary>
    /// A commit's facts, read once per sha: the audit walks develop once per hotfix, and reading a commit's parents,
    /// message and committer through LibGit2Sharp costs more than the walk. A commit never changes under its sha.
    /// </summary>
    private CommitInfo ToInfo(Commit commit)
    {
        var sha = commit.Sha;
        if (!commitInfos.TryGetValue(sha, out var info))
        {
            info = new(sha, commit.Parents.Select(p => p.Sha).ToList(), commit.Message, commit.Committer.When);
            commitInfos[sha] = info;
        }

        return info;
    }
}
