using Hotfix.Policy.Ports;

namespace Hotfix.Policy.History;

/// <summary>
/// When a shallow clone can still answer ancestry questions exactly. In a shallow clone "not an ancestor" may only mean
/// "the commits that connect them were not fetched" (git merge-base --is-ancestor exits 1 for both), so a negative
/// answer is trusted only when the missing history cannot matter.
/// </summary>
internal static class ShallowHistory
{
    /// <summary>
    /// True when questions about <paramref name="first"/> and <paramref name="second"/> (what is ahead, what is behind,
    /// is one contained in the other) have exact answers: the history is complete, or every shallow boundary commit
    /// reachable from either tip lies at or below their merge base. Then every commit above the merge base has all its
    /// parents, so no connecting path can be missing and no better merge base can hide.
    /// </summary>
    public static bool CanDecide(IHistoryReader history, string first, string second, string? mergeBase)
    {
        var boundary = history.ShallowBoundary;
        if (boundary.Count == 0)
        {
            return true;
        }

        if (mergeBase is null)
        {
            return false;
        }

        foreach (var cut in boundary)
        {
            if (history.FindCommit(cut) is null)
            {
                continue;
            }

            var relevant = history.IsAncestor(cut, first) || history.IsAncestor(cut, second);
            if (relevant && !history.IsAncestor(cut, mergeBase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a person runs to get enough history, for messages.</summary>
    public static string HowToDeepen(string remote) =>
        $"fetch the full history with 'git fetch --unshallow {remote}' (or deepen it: 'git fetch --deepen=200 {remote}'; in GitHub Actions set 'fetch-depth: 0' on actions/checkout)";
}
