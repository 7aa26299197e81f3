using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// The commits of main a hotfix reverts, when every one of its own commits is a <c>git revert</c> ("This reverts commit
/// X.") of a commit main already has — the runbook's own rollback of reviewed code. Only recognised, never exempted from
/// the budget: the message names the reverted commits so a waiver can say so; whether the revert is the whole fix is
/// the reviewer's call.
/// </summary>
internal static class RevertedCommits
{
    /// <summary>The reverted commits' short ids, oldest revert first; empty when the branch is not only reverts of main.</summary>
    public static IReadOnlyList<string> Of(CheckContext context)
    {
        var history = BranchHistory.Of(context);
        if (history.State != BranchHistoryState.Compared || context.Ports.Find<IHistoryReader>() is not { } reader || history.OwnCommits is not { Count: > 0 } own)
        {
            return [];
        }

        var reverted = new List<string>();
        foreach (var commit in own)
        {
            // A revert of a plain commit: the line ends after the sha (a merge's revert goes on "reversing changes …").
            if (RevertLines.Find(commit.Message) is not { Sha.Length: >= 7 and <= 40 } line || line.After.Trim() is not ("" or ".")
                || reader.FindCommit(line.Sha) is not { } original
                || !reader.IsAncestor(original.Sha, history.Main!.TipSha))
            {
                return [];
            }

            reverted.Add(original.ShortSha);
        }

        return reverted;
    }
}
