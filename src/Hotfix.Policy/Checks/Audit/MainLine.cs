using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// The commits that landed on main, newest first: its first-parent history, and the commits a <c>git pull</c> merge
/// brought in from another copy of main. "Merge branch 'main' of github.com:org/app" has the copy that was pushed
/// first as its second parent: a hotfix pushed from there is main's history too, though no first-parent walk meets it.
/// </summary>
internal static class MainLine
{
    /// <param name="history">The history port.</param>
    /// <param name="tip">main's tip.</param>
    /// <param name="mainNames">How a merge message names main itself: <c>main</c>, <c>origin/main</c>.</param>
    public static IEnumerable<CommitInfo> Walk(IHistoryReader history, string tip, IReadOnlyCollection<string> mainNames) =>
        Walk(history, tip, mainNames, within: null);

    /// <summary>True when <paramref name="commit"/> merges main into main (a pull that merged instead of rebasing).</summary>
    public static bool IsMergeOfItself(CommitInfo commit, IReadOnlyCollection<string> mainNames) =>
        commit.IsMerge && MergeMessages.MergedBranch(commit.Subject) is { } branch && mainNames.Contains(branch);

    private static IEnumerable<CommitInfo> Walk(IHistoryReader history, string tip, IReadOnlyCollection<string> mainNames, HashSet<string>? within)
    {
        foreach (var commit in history.FirstParentHistory(tip))
        {
            // A side line ends where it meets history the other parent already has.
            if (within is not null && !within.Contains(commit.Sha))
            {
                yield break;
            }

            yield return commit;
            if (!IsMergeOfItself(commit, mainNames))
            {
                continue;
            }

            var side = history.ListCommits(commit.Parents[1], [commit.Parents[0]]).Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
            if (within is not null)
            {
                side.IntersectWith(within);
            }

            foreach (var pulled in Walk(history, commit.Parents[1], mainNames, side))
            {
                yield return pulled;
            }
        }
    }
}
