using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>The checks start and finish make before their first write; each failure says what to do and that nothing changed.</summary>
internal static class Preconditions
{
    public const string NothingChanged = "nothing was changed";

    /// <summary>Staged, modified or conflicted tracked files, or an unfinished git operation, stop the command (untracked files are fine, as in git).</summary>
    public static void RequireCleanWorkingTree(IWorkingTree workingTree, string command)
    {
        var status = workingTree.Status();
        if (status.OperationInProgress is { } operation)
        {
            throw new HotfixOperationException(
                $"{operation} is in progress in this working tree; finish it (git status says how) or abort it before hotfix {command}",
                NothingChanged);
        }

        if (status.IsClean)
        {
            return;
        }

        var paths = status.Conflicted.Concat(status.Staged).Concat(status.Modified).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", paths.Take(5)) + (paths.Count > 5 ? $" and {paths.Count - 5} more" : string.Empty);
        throw new HotfixOperationException(
            $"the working tree has uncommitted changes to tracked files ({shown}); commit or stash them (git stash push) before hotfix {command} — untracked files are fine",
            NothingChanged);
    }

    /// <summary>The local branch the policy names, or an input error that says how to get it.</summary>
    public static BranchTip RequireLocalBranch(IHistoryReader history, string name, string policyKey, string remote)
    {
        if (BranchTips.Local(history, name) is { } local)
        {
            return local;
        }

        var hint = BranchTips.Tracking(history, name, remote) is not null
            ? $"only {remote}/{name} exists; create the local branch: git branch --track {name} {remote}/{name}"
            : $"create it, fetch it (git fetch {remote} {name}), or set {policyKey} in hotfix.json";
        throw new HotfixInputException($"branch '{name}' (policy {policyKey}) does not exist in this repository; expected a local branch: {hint}.");
    }

    /// <summary>Untracked files a checkout of <paramref name="target"/> would overwrite stop the command before any write.</summary>
    public static void RequireNothingInTheWay(IWorkingTree workingTree, string target, string what)
    {
        var inTheWay = workingTree.UntrackedFilesInTheWay(target);
        if (inTheWay.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", inTheWay.Take(5)) + (inTheWay.Count > 5 ? $" and {inTheWay.Count - 5} more" : string.Empty);
        throw new HotfixOperationException(
            $"untracked files would be overwritten by {what}: {shown}; move or delete them first (git would refuse the same way)",
            NothingChanged);
    }

    /// <summary>
    /// A branch checked out in another working tree is not moved or deleted: that tree's HEAD would change underneath
    /// it and its index would then hold a staged revert (git refuses the same way).
    /// </summary>
    public static void RequireNotCheckedOutElsewhere(IBranchCatalog branches, IEnumerable<string> names, string command)
    {
        foreach (var name in names)
        {
            if (branches.CheckedOutElsewhere(name) is { } path)
            {
                throw new HotfixOperationException(
                    $"{name} is checked out in another working tree ({path}); hotfix {command} would move it underneath that tree, which git refuses too. Switch that tree to another branch (git -C {ShellWords.Quote(path)} switch --detach) or remove it (git worktree remove {ShellWords.Quote(path)}), then run hotfix {command} again",
                    NothingChanged);
            }
        }
    }
}
