using Hotfix.Policy.Branching;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// A <c>hotfix start</c> killed after it created the branch and before HEAD moved to it. git's checkout writes the
/// files, then the index, then HEAD, so such a start leaves: the branch at main's tip, HEAD still on the branch it was
/// started from, and each path's index entry and file in that branch's state or the new one — which git status shows
/// as "uncommitted changes" that are not the person's. Recognised from the repository alone (start keeps no journal),
/// a rerun of the same start completes the switch instead of asking to stash hotfix's own half checkout.
/// </summary>
internal static class InterruptedStart
{
    /// <summary>
    /// The commit HEAD is on when the repository is in that state for <paramref name="branch"/>; null when it is not
    /// (then start's ordinary checks apply). Throws (exit 3, nothing changed) when the branch is there as a killed
    /// start leaves it but some path is in neither state.
    /// </summary>
    public static string? From(WorkflowPorts ports, HotfixBranchName branch, BranchTip main)
    {
        var head = ports.Repository.Head;
        var name = branch.FullName;
        if (head.CommitSha is not { } from || head.BranchName == name
            || BranchTips.Local(ports.History, name) is not { } created || created.TipSha != main.TipSha)
        {
            return null;
        }

        // A branch pushed, or another branch for the incident, is more than a start that did not finish.
        var others = ports.Branches.ListBranches().Where(b => b.Name != name && IncidentId.FindAll(b.Name).Contains(branch.Incident));
        var status = ports.WorkingTree.Status();
        if (others.Any() || status.OperationInProgress is not null || (from == created.TipSha && !status.IsClean))
        {
            return null;
        }

        var foreign = ports.WorkingTree.ForeignChanges(from, created.TipSha);
        if (foreign.Count == 0)
        {
            return from;
        }

        var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : string.Empty);
        var quoted = ShellWords.Quote(name);
        throw new HotfixOperationException(
            $"{name} exists at {main.Name}'s tip ({main.TipSha[..7]}) with HEAD still on {head.BranchName ?? from[..7]}, as a hotfix start interrupted during its checkout leaves it, " +
            $"but {shown} {(foreign.Count == 1 ? "is" : "are")} in neither {head.BranchName ?? from[..7]}'s state nor {name}'s (a file the killed checkout was writing, or your own edit). " +
            $"Look at {(foreign.Count == 1 ? "it" : "them")} (git diff {(head.BranchName is { } b ? ShellWords.Quote(b) : from[..7])} -- {string.Join(' ', foreign.Take(5).Select(ShellWords.Quote))}); copy anything you want to keep elsewhere — not git stash, which would also take hotfix's half checkout — " +
            $"then complete the switch, discarding those changes: git checkout -f {quoted}",
            Preconditions.NothingChanged);
    }
}
