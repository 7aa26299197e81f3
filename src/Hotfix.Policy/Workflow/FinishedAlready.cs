using Hotfix.Policy.History;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// <c>hotfix finish --branch NAME</c> retried after it completed (a bot's retry, a lost SSH session): the local branch
/// is deleted, and what is left of it — its remote-tracking branch — is in main and the back-merge target. That is the
/// outcome asked for, so it is said and the command succeeds, instead of "git switch NAME creates it", which would
/// bring a merged, deleted branch back.
/// </summary>
internal static class FinishedAlready
{
    /// <summary>How many first-parent commits of each branch are searched for the merge commit to name.</summary>
    private const int MergeSearchDepth = 500;

    /// <summary>The message to print when <paramref name="name"/> is already finished; null when it is not (or cannot be told).</summary>
    public static string? Explain(WorkflowPorts ports, BranchPolicy branches, string? name)
    {
        var history = ports.History;
        if (name is null || name == branches.Main || name == branches.BackMergeTarget || BranchTips.Local(history, name) is not null
            || BranchTips.Tracking(history, name, branches.Remote) is not { } tracking
            || BranchTips.Local(history, branches.Main) is not { } main
            || BranchTips.Local(history, branches.BackMergeTarget) is not { } target
            || !history.IsAncestor(tracking.TipSha, main.TipSha) || !history.IsAncestor(tracking.TipSha, target.TipSha))
        {
            return null;
        }

        string Has(BranchTip into) =>
            history.FirstParentHistory(into.TipSha).Take(MergeSearchDepth)
                .FirstOrDefault(c => c.Parents.Count > 1 && c.Parents.Skip(1).Contains(tracking.TipSha)) is { } merge
                ? $"{into.Name} has it (merge {merge.ShortSha})"
                : $"{into.Name} contains it";
        return $"{name} is already finished: {Has(main)}, {Has(target)}, and only {tracking.Name} is left of it ({tracking.TipSha[..7]}). Nothing to do; if the remote branch should go: git push {ShellWords.Quote(branches.Remote)} --delete {ShellWords.Quote(name)}";
    }
}
