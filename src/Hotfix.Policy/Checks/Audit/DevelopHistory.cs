using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// The back-merge target's history, walked once for all hotfixes. Each hotfix asks for develop's commits that
/// production did not have before it (<c>git rev-list --topo-order --date-order develop ^&lt;main before the hotfix&gt;</c>);
/// asking libgit2 that per hotfix sorts all of develop again each time (a topological walk is a full traversal), which
/// made two hundred squashed hotfixes on 5,000 develop commits cost seconds. Here one walk gives the order, kept as it
/// is read, and each hotfix leaves out the ancestors of main's commit by painting them down that order.
/// </summary>
/// <remarks>
/// Leaving hidden commits out of one sorted walk gives the order of the walk that hides them: a hidden commit's parents
/// are hidden too, so it never holds back a commit that is shown, and the shown ones come in the same date order.
/// </remarks>
internal sealed class DevelopHistory(IHistoryReader history, string tip)
{
    private readonly List<CommitInfo> order = [];
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommitInfo?> outside = new(StringComparer.Ordinal);
    private IEnumerator<CommitInfo>? walk;
    private IReadOnlySet<string>? reachable;

    /// <summary>Every commit of develop (<c>git rev-list develop</c>), for "is it merged?" of any number of commits.</summary>
    public IReadOnlySet<string> Reachable => reachable ??= history.ReachableFrom(tip);

    /// <summary>develop's commits that are not <paramref name="exclude"/> or its ancestors, newest first, read lazily.</summary>
    public IEnumerable<CommitInfo> Without(string? exclude)
    {
        var hidden = exclude is null ? null : new Ancestors(this, EntriesFrom(exclude));
        for (var index = 0; At(index) is { } commit; index++)
        {
            if (hidden is null || !hidden.Contains(commit.Sha, index))
            {
                yield return commit;
            }
        }
    }

    /// <summary>The commits the walk gives before <paramref name="sha"/> (a commit of develop), among them all its descendants.</summary>
    public IReadOnlyList<CommitInfo> Above(string sha)
    {
        var index = 0;
        while (!positions.ContainsKey(sha) && At(index) is not null)
        {
            index = order.Count;
        }

        return order.GetRange(0, positions.TryGetValue(sha, out var position) ? position : order.Count);
    }

    private CommitInfo? At(int index)
    {
        walk ??= history.EnumerateCommits(tip, []).GetEnumerator();
        while (order.Count <= index && walk.MoveNext())
        {
            positions[walk.Current.Sha] = order.Count;
            order.Add(walk.Current);
        }

        return index < order.Count ? order[index] : null;
    }

    /// <summary>
    /// Where <paramref name="start"/>'s history meets develop's: the develop commits reached from it through commits
    /// develop lacks (main's own merges and squashes). Their ancestors are all of develop that <paramref name="start"/> has.
    /// </summary>
    private List<string> EntriesFrom(string start)
    {
        var entries = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var sha))
        {
            if (!seen.Add(sha))
            {
                continue;
            }

            if (Reachable.Contains(sha))
            {
                entries.Add(sha);
                continue;
            }

            if (!outside.TryGetValue(sha, out var commit))
            {
                commit = outside[sha] = history.FindCommit(sha);
            }

            foreach (var parent in commit?.Parents ?? [])
            {
                stack.Push(parent);
            }
        }

        return entries;
    }

    /// <summary>
    /// The ancestors of some develop commits, found only as deep as asked: in a topological order every commit comes
    /// before its parents, so whether a commit is an ancestor is settled once every commit above it is painted.
    /// </summary>
    private sealed class Ancestors
    {
        private readonly DevelopHistory develop;
        private readonly PriorityQueue<string, int> frontier = new();
        private readonly HashSet<string> painted = new(StringComparer.Ordinal);

        // Commits not read from the walk yet: below everything read so far.
        private readonly List<string> unread = [];

        public Ancestors(DevelopHistory develop, IEnumerable<string> entries)
        {
            this.develop = develop;
            foreach (var entry in entries)
            {
                Add(entry);
            }
        }

        /// <summary>Whether the commit at <paramref name="index"/> of the walk (read already) is one of the ancestors.</summary>
        public bool Contains(string sha, int index)
        {
            for (var i = unread.Count - 1; i >= 0; i--)
            {
                if (develop.positions.TryGetValue(unread[i], out var position))
                {
                    frontier.Enqueue(unread[i], position);
                    unread.RemoveAt(i);
                }
            }

            while (frontier.TryPeek(out var next, out var position) && position <= index)
            {
                frontier.Dequeue();
                if (painted.Add(next))
                {
                    foreach (var parent in develop.order[position].Parents)
                    {
                        Add(parent);
                    }
                }
            }

            return painted.Contains(sha);
        }

        private void Add(string sha)
        {
            if (painted.Contains(sha))
            {
                return;
            }

            if (develop.positions.TryGetValue(sha, out var position))
            {
                frontier.Enqueue(sha, position);
            }
            else
            {
                unread.Add(sha);
            }
        }
    }
}
