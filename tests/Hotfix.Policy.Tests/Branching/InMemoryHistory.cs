using System.Security.Cryptography;
using System.Text;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>
/// A commit graph in memory behind <see cref="IHistoryReader"/>, the only port the branching and audit rules read
/// (branches are found through <see cref="FindCommit"/> as <c>refs/heads/NAME</c> and <c>refs/remotes/REMOTE/NAME</c>).
/// The same rules run against real repositories in Hotfix.Cli.Tests (BranchOriginCheckTests, AuditCommandTests).
/// <para>
/// Model: a commit has parents, a message, a committer time (one hour after the previous commit unless given) and
/// change labels. A commit's tree is its own labels plus its parents' trees (every merge is clean, nothing is
/// reverted); each label is a file of its own (<c>changes/LABEL</c>), so a patch id is the set of labels added and
/// removed, and a cherry-pick is a second commit with the same labels. A shallow clone grafts the boundary commits'
/// parents away and has none of the commits no ref reaches any more, as <c>git clone --depth</c> does.
/// </para>
/// </summary>
internal sealed class InMemoryHistory : IHistoryReader
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, Node> commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> refs = new(StringComparer.Ordinal);
    private readonly HashSet<string> boundary = new(StringComparer.Ordinal);
    private readonly HashSet<string> notFetched = new(StringComparer.Ordinal);
    private DateTimeOffset clock = Start;

    /// <summary>
    /// The runbook's starting point: main with one commit, develop one feature ahead of it ("Add loyalty discounts",
    /// change <c>loyalty</c>) — the shape of HotfixRepositories.MainAndDevelop in the CLI tests.
    /// </summary>
    public static InMemoryHistory MainAndDevelop()
    {
        var git = new InMemoryHistory();
        git.Commit("main", "Initial import", "orders");
        git.Branch("develop", "main");
        git.Commit("develop", "Add loyalty discounts", "loyalty");
        return git;
    }

    // ---- Building the graph ----

    /// <summary>
    /// A commit on <paramref name="branch"/>, which moves to it; on a missing branch a commit without parents (a first
    /// commit, or <c>git switch --orphan</c>).
    /// </summary>
    /// <param name="changes">Change labels; by default one label of its own (a change no other commit makes).</param>
    public string Commit(string branch, string message, params string[] changes)
    {
        var parents = refs.TryGetValue(Ref(branch), out var tip) ? new[] { tip } : [];
        return Advance(branch, Add(parents, message, changes.Length == 0 ? [$"change-{commits.Count}"] : changes));
    }

    /// <summary>Dates the next commit <paramref name="time"/> (and the ones after it an hour apart from there).</summary>
    public void NextCommitAt(DateTimeOffset time) => clock = time - TimeSpan.FromHours(1);

    /// <summary><c>git merge --no-ff</c>: a merge commit on <paramref name="into"/> whose second parent is <paramref name="from"/>.</summary>
    public string Merge(string into, string from, string? message = null) =>
        Advance(into, Add([Tip(into), Resolve(from)], message ?? $"Merge branch '{from}' into {into}", []));

    /// <summary><c>git cherry-pick [-x]</c>: the same change labels and message on <paramref name="onto"/>.</summary>
    public string CherryPick(string onto, string commit, bool recordOrigin = false)
    {
        var original = commits[Resolve(commit)];
        var message = recordOrigin ? $"{original.Message}\n\n(cherry picked from commit {original.Sha})" : original.Message;
        return Advance(onto, Add([Tip(onto)], message, [.. original.Changes]));
    }

    /// <summary>A local branch at a commit or at another branch's tip (<c>git branch NAME START</c>).</summary>
    public void Branch(string name, string at) => refs[Ref(name)] = Resolve(at);

    /// <summary>A remote-tracking branch <c>REMOTE/NAME</c> at a commit or branch (what <c>git fetch</c> leaves).</summary>
    public void Tracking(string remoteName, string at) => refs["refs/remotes/" + remoteName] = Resolve(at);

    public void DeleteBranch(string name) => refs.Remove(Ref(name));

    /// <summary>The commit a local branch points at.</summary>
    public string Tip(string branch) => refs[Ref(branch)];

    /// <summary>
    /// Makes this a shallow clone whose history stops at <paramref name="cuts"/> (branch names or shas): their parents
    /// are grafted away, and commits that no ref reaches any more are gone.
    /// </summary>
    public void Shallow(params string[] cuts)
    {
        boundary.UnionWith(cuts.Select(Resolve));
        var kept = refs.Values.SelectMany(Ancestry).ToHashSet(StringComparer.Ordinal);
        notFetched.UnionWith(commits.Keys.Where(sha => !kept.Contains(sha)));
    }

    // ---- IHistoryReader ----

    public IReadOnlyList<string> ShallowBoundary => [.. boundary];

    public bool HasCommits => commits.Count > 0;

    public CommitInfo? FindCommit(string revision) =>
        (refs.TryGetValue(revision, out var sha) ? sha : revision) is var s && commits.TryGetValue(s, out var node) && !notFetched.Contains(s)
            ? Info(node)
            : null;

    public string? MergeBase(string first, string second)
    {
        var common = Ancestry(Resolve(first)).Intersect(Ancestry(Resolve(second)), StringComparer.Ordinal).ToList();

        // The best common ancestors are those no other common ancestor descends from; of several, this names the last made.
        return common
            .Where(c => !common.Any(other => other != c && Ancestry(other).Contains(c)))
            .OrderByDescending(c => commits[c].Order)
            .FirstOrDefault();
    }

    public bool IsAncestor(string ancestor, string descendant) => Ancestry(Resolve(descendant)).Contains(Resolve(ancestor));

    public IReadOnlyList<CommitInfo> ListCommits(string include, IReadOnlyCollection<string> exclude, int limit = int.MaxValue) =>
        EnumerateCommits(include, exclude).Take(limit).ToList();

    /// <summary>
    /// <c>git rev-list include ^exclude…</c> in git's date order: newest first, and never a parent before one of its
    /// children (a commit dated before its parent still comes first).
    /// </summary>
    public IEnumerable<CommitInfo> EnumerateCommits(string include, IReadOnlyCollection<string> exclude)
    {
        var excluded = exclude.SelectMany(e => Ancestry(Resolve(e))).ToHashSet(StringComparer.Ordinal);
        var pending = Ancestry(Resolve(include)).Where(c => !excluded.Contains(c)).ToHashSet(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var next = pending
                .Where(c => !pending.Any(child => Parents(commits[child]).Contains(c)))
                .Select(c => commits[c])
                .OrderByDescending(n => n.Time)
                .ThenByDescending(n => n.Order)
                .First();
            pending.Remove(next.Sha);
            yield return Info(next);
        }
    }

    public int CountCommits(string include, IReadOnlyCollection<string> exclude) => ListCommits(include, exclude).Count;

    public IReadOnlySet<string> ReachableFrom(string tip) => Ancestry(Resolve(tip));

    public IEnumerable<CommitInfo> FirstParentHistory(string tip)
    {
        for (var node = commits[Resolve(tip)]; ; node = commits[Parents(node)[0]])
        {
            yield return Info(node);
            if (Parents(node).Count == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>How many patch ids were asked for (each is a diff in a real repository).</summary>
    public int PatchIdsComputed { get; private set; }

    /// <summary>A stable fake of <c>git patch-id --stable</c>: the labels the change adds and removes.</summary>
    public string? PatchId(string? fromSha, string toSha)
    {
        PatchIdsComputed++;
        var (added, removed) = Diff(fromSha, toSha);
        return added.Count + removed.Count == 0
            ? null
            : "patch:" + string.Join(",", added.Select(l => "+" + l).Concat(removed.Select(l => "-" + l)));
    }

    public IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha)
    {
        var (added, removed) = Diff(fromSha, toSha);
        return added.Concat(removed).Select(PathOf).Order(StringComparer.Ordinal).ToList();
    }

    public string? EntryId(string commitSha, string path) =>
        Tree(commits[Resolve(commitSha)]).FirstOrDefault(l => PathOf(l) == path) is { } label ? "blob:" + label : null;

    // ---- The model ----

    private static string Ref(string branch) => "refs/heads/" + branch;

    private static string PathOf(string label) => "changes/" + label;

    private string Resolve(string revision) =>
        refs.TryGetValue(Ref(revision), out var local) ? local
        : refs.TryGetValue("refs/remotes/" + revision, out var tracking) ? tracking
        : refs.TryGetValue(revision, out var full) ? full
        : commits.ContainsKey(revision) && !notFetched.Contains(revision) ? revision
        : throw new ArgumentException($"'{revision}' names no commit in this history.", nameof(revision));

    private string Add(string[] parents, string message, string[] changes)
    {
        clock += TimeSpan.FromHours(1);
        var order = commits.Count;
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{order}\n{message}")));
        commits[sha] = new Node(sha, parents, message, clock, order, changes.ToHashSet(StringComparer.Ordinal));
        return sha;
    }

    private string Advance(string branch, string sha)
    {
        refs[Ref(branch)] = sha;
        return sha;
    }

    /// <summary>Parents as this clone sees them: none for a shallow boundary commit.</summary>
    private IReadOnlyList<string> Parents(Node node) => boundary.Contains(node.Sha) ? [] : node.Parents;

    /// <summary>The commit and every ancestor this clone has.</summary>
    private HashSet<string> Ancestry(string sha)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([sha]);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var parent in Parents(commits[next]))
                {
                    stack.Push(parent);
                }
            }
        }

        return seen;
    }

    /// <summary>The labels a commit's snapshot holds. A shallow clone still has the full tree of every commit it has.</summary>
    private HashSet<string> Tree(Node node) =>
        node.Parents.Select(p => Tree(commits[p]))
            .Aggregate(new HashSet<string>(node.Changes, StringComparer.Ordinal), (tree, parent) => { tree.UnionWith(parent); return tree; });

    private (List<string> Added, List<string> Removed) Diff(string? fromSha, string toSha)
    {
        var before = fromSha is null ? [] : Tree(commits[Resolve(fromSha)]);
        var after = Tree(commits[Resolve(toSha)]);
        return (after.Except(before).Order(StringComparer.Ordinal).ToList(), before.Except(after).Order(StringComparer.Ordinal).ToList());
    }

    private CommitInfo Info(Node node) => new(node.Sha, Parents(node), node.Message, node.Time);

    private sealed record Node(string Sha, IReadOnlyList<string> Parents, string Message, DateTimeOffset Time, int Order, IReadOnlySet<string> Changes);
}
