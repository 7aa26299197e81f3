using Hotfix.Policy.Ports;

namespace Hotfix.Policy.History;

/// <summary>One change to look for: the difference between two commits (a commit against its parent, or a whole branch).</summary>
/// <param name="From">The older commit; null for the empty tree.</param>
/// <param name="To">The newer commit.</param>
internal sealed record Change(string? From, string To)
{
    /// <summary>A non-merge commit's own change (against its first parent).</summary>
    public static Change Of(CommitInfo commit) => new(commit.Parents.Count == 0 ? null : commit.Parents[0], commit.Sha);
}

/// <summary>
/// Recognises the same change in other commits by patch id (<c>git cherry</c>'s test), cheaply: equal patch ids mean
/// equal changed paths, so a candidate's patch id is computed only when it changes one of the paths the wanted
/// changes touch — two tree lookups per path instead of a full diff for every unrelated commit of develop.
/// </summary>
/// <remarks>
/// The wanted changes' patch ids and paths are computed on first use, not when the matcher is made: a check with no
/// candidate to compare (no develop, or develop has nothing main and the branch lack) never diffs the hotfix's commits.
/// </remarks>
internal sealed class PatchMatcher
{
    private readonly IHistoryReader history;
    private readonly IReadOnlyList<Change> changes;
    private readonly Dictionary<string, List<Change>> wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> paths = new(StringComparer.Ordinal);
    private readonly CandidatePaths? candidatePaths;
    private bool computed;

    /// <param name="history">Where the changes are read.</param>
    /// <param name="changes">The changes to look for.</param>
    /// <param name="candidatePaths">Shared by matchers that are shown the same candidates (the audit's hotfixes all walk develop).</param>
    public PatchMatcher(IHistoryReader history, IEnumerable<Change> changes, CandidatePaths? candidatePaths = null)
    {
        this.history = history;
        this.changes = changes.ToList();
        this.candidatePaths = candidatePaths;
    }

    /// <summary>True when there is nothing to look for (every wanted change is empty).</summary>
    public bool IsEmpty => Wanted.Count == 0;

    private Dictionary<string, List<Change>> Wanted
    {
        get
        {
            if (!computed)
            {
                foreach (var change in changes)
                {
                    if (history.PatchId(change.From, change.To) is not { } id)
                    {
                        continue;
                    }

                    (wanted.TryGetValue(id, out var list) ? list : wanted[id] = []).Add(change);
                    paths.UnionWith(history.ChangedPaths(change.From, change.To));
                }

                computed = true;
            }

            return wanted;
        }
    }

    /// <summary>The wanted changes <paramref name="candidate"/> repeats (none when it is a different change).</summary>
    public IReadOnlyList<Change> Matches(Change candidate)
    {
        if (IsEmpty || !TouchesWantedPaths(candidate))
        {
            return [];
        }

        return history.PatchId(candidate.From, candidate.To) is { } id && wanted.TryGetValue(id, out var found) ? found : [];
    }

    private bool TouchesWantedPaths(Change candidate)
    {
        if (candidatePaths?.Of(candidate) is { } changed)
        {
            return paths.Overlaps(changed);
        }

        foreach (var path in paths)
        {
            var before = candidate.From is null ? null : history.EntryId(candidate.From, path);
            if (before != history.EntryId(candidate.To, path))
            {
                return true;
            }
        }

        return false;
    }
}
