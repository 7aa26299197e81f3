namespace Hotfix.Policy.Ports;

/// <summary>
/// Read access to commit history: the questions a hotfix workflow asks git (merge-base, rev-list, patch-id, whether
/// the clone is shallow). Revisions are full shas or branch names (<c>main</c>, <c>origin/main</c>).
/// </summary>
internal interface IHistoryReader
{
    /// <summary>The commit a revision names, or null when it names none.</summary>
    CommitInfo? FindCommit(string revision);

    /// <summary>The best common ancestor of two commits (<c>git merge-base</c>), or null when they share no history.</summary>
    string? MergeBase(string first, string second);

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    bool IsAncestor(string ancestor, string descendant);

    /// <summary>
    /// Commits reachable from <paramref name="include"/> and from none of <paramref name="exclude"/>
    /// (<c>git rev-list include ^exclude…</c>), newest first, at most <paramref name="limit"/>.
    /// </summary>
    IReadOnlyList<CommitInfo> ListCommits(string include, IReadOnlyCollection<string> exclude, int limit = int.MaxValue);

    /// <summary>
    /// The same commits as <see cref="ListCommits"/>, read lazily newest first (<c>git rev-list --date-order</c>), for
    /// callers that stop early (at a date, at a match).
    /// </summary>
    IEnumerable<CommitInfo> EnumerateCommits(string include, IReadOnlyCollection<string> exclude);

    /// <summary>How many commits <see cref="ListCommits"/> would return without a limit (<c>git rev-list --count</c>).</summary>
    int CountCommits(string include, IReadOnlyCollection<string> exclude);

    /// <summary>
    /// Every commit reachable from <paramref name="tip"/>, itself included (<c>git rev-list tip</c>), for asking "is
    /// X contained in develop?" of many commits at the price of one walk.
    /// </summary>
    IReadOnlySet<string> ReachableFrom(string tip);

    /// <summary>The first-parent chain from <paramref name="tip"/> (<c>git log --first-parent</c>), newest first, read lazily.</summary>
    IEnumerable<CommitInfo> FirstParentHistory(string tip);

    /// <summary>
    /// The stable patch id (<c>git patch-id --stable</c>) of the change from <paramref name="fromSha"/> to
    /// <paramref name="toSha"/>; <paramref name="fromSha"/> null means from the empty tree. Equal ids mean the same
    /// change, whatever commit it was applied on — that is how cherry-picks and squashes are recognised.
    /// Null when the change is empty.
    /// </summary>
    string? PatchId(string? fromSha, string toSha);

    /// <summary>Paths that differ between two commits (<c>git diff --name-only --no-renames</c>); from null means from the empty tree.</summary>
    IReadOnlyList<string> ChangedPaths(string? fromSha, string toSha);

    /// <summary>The id of the blob or tree at <paramref name="path"/> in a commit (<c>git rev-parse COMMIT:PATH</c>); null when absent.</summary>
    string? EntryId(string commitSha, string path);

    /// <summary>
    /// Commits whose parents are not in this clone because it is shallow (<c>.git/shallow</c>); empty when the
    /// history is complete. Answers about history beyond these commits are unknown, not negative.
    /// </summary>
    IReadOnlyList<string> ShallowBoundary { get; }

    /// <summary>False for a repository without a single commit (just made by <c>git init</c>, or a clone of an empty one).</summary>
    bool HasCommits { get; }
}

/// <summary>A commit as the workflow needs it.</summary>
/// <param name="Sha">Full sha.</param>
/// <param name="Parents">Parent shas in order (the first parent is the branch that was merged into).</param>
/// <param name="Message">The full commit message.</param>
/// <param name="CommitTime">Committer date.</param>
internal sealed record CommitInfo(string Sha, IReadOnlyList<string> Parents, string Message, DateTimeOffset CommitTime)
{
    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var end = Message.AsSpan().IndexOfAny('\r', '\n');
            return (end < 0 ? Message : Message[..end]).Trim();
        }
    }

    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    public bool IsMerge => Parents.Count > 1;

    /// <summary>"abc1234 Subject", the way <c>git log --oneline</c> shows it.</summary>
    public string OneLine => $"{ShortSha} {Subject}";
}
