using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// Reverts on develop that took out a hotfix develop has by ancestry. A back-merge reverted with
/// <c>git revert -m 1 &lt;merge&gt;</c> leaves the hotfix's commits ancestors of develop (<c>git merge-base --is-ancestor</c>
/// still says yes, and merging the branch again does nothing) while its change is gone: the next release ships the
/// bug again. A revert of that revert puts the change back; a revert main has too took the hotfix out of production
/// as well, and there is nothing to merge back.
/// </summary>
internal sealed class DevelopReverts(IHistoryReader history, DevelopHistory develop, string mainTip)
{
    // Reverted commit -> the develop commits that revert it, for "was this revert reverted in turn?".
    private readonly Dictionary<string, List<CommitInfo>> revertsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CommitInfo Reverted, string? Mainline)?> lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> undone = new(StringComparer.Ordinal);

    // How much of the walk's order is in revertsOf: each hotfix asks for a prefix of the same order.
    private int indexed;

    /// <summary>
    /// The reverts, newest first, that undo the hotfix whose <paramref name="commits"/> develop reached through
    /// <paramref name="tip"/> and are still in force; empty when its change is there.
    /// </summary>
    public IReadOnlyList<CommitInfo> Undoing(string tip, IReadOnlyCollection<CommitInfo> commits)
    {
        // A revert of the hotfix descends from it: the walk has it above the tip.
        var above = develop.Above(tip);
        for (; indexed < above.Count; indexed++)
        {
            if (Line(above[indexed]) is { } line)
            {
                (revertsOf.TryGetValue(line.Reverted.Sha, out var list) ? list : revertsOf[line.Reverted.Sha] = []).Add(above[indexed]);
            }
        }

        return above
            .Where(c => Line(c) is { } line && Takes(line.Reverted, line.Mainline, tip, commits))
            .Where(c => !IsUndone(c) && !history.IsAncestor(c.Sha, mainTip))
            .ToList();
    }

    /// <summary>Whether reverting <paramref name="reverted"/> takes the hotfix out.</summary>
    private bool Takes(CommitInfo reverted, string? mainline, string tip, IReadOnlyCollection<CommitInfo> commits)
    {
        if (!reverted.IsMerge)
        {
            return commits.Any(c => c.Sha == reverted.Sha);
        }

        // A merge reverted with -m N undoes what its other parents brought that parent N did not have.
        var kept = mainline ?? reverted.Parents[0];
        return history.IsAncestor(tip, reverted.Sha) && !history.IsAncestor(tip, kept);
    }

    /// <summary>True when a revert in force (itself not reverted) reverts <paramref name="revert"/>.</summary>
    private bool IsUndone(CommitInfo revert)
    {
        if (!undone.TryGetValue(revert.Sha, out var result))
        {
            // Reverts descend from what they revert, so the chain ends; false first guards a malformed cycle.
            undone[revert.Sha] = false;
            result = undone[revert.Sha] = revertsOf.TryGetValue(revert.Sha, out var reverts) && reverts.Any(r => !IsUndone(r));
        }

        return result;
    }

    private (CommitInfo Reverted, string? Mainline)? Line(CommitInfo commit)
    {
        if (!lines.TryGetValue(commit.Sha, out var line))
        {
            // git writes the full sha; a shorter one in a hand-written message may name another commit by now.
            line = RevertLines.Find(commit.Message) is { Sha.Length: >= 40 } found && history.FindCommit(found.Sha) is { } reverted
                ? (reverted, RevertLines.Mainline(commit.Message))
                : null;
            lines[commit.Sha] = line;
        }

        return line;
    }
}
