using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// The writes of a finish, driven by its journal so that a first run and a rerun after a kill run the same code, each
/// step first asking the repository whether it is done. Refs are the truth and move first; HEAD is then attached to
/// the back-merge target (it is never detached) and the index and files follow; the branch goes last. A rerun can
/// therefore always tell from the refs how far the finish got, and a half-written work tree is only ever a checkout
/// between two known trees.
/// </summary>
internal sealed class FinishCompletion
{
    private const int MergeAttempts = 3;

    private readonly WorkflowPorts ports;
    private FinishJournalEntry entry;
    private bool ended;

    private FinishCompletion(WorkflowPorts ports, FinishJournalEntry entry)
    {
        this.ports = ports;
        this.entry = entry;
    }

    /// <summary>Runs every step that is not done yet; the journal must be held by this process.</summary>
    public static HotfixFinish.Outcome Run(WorkflowPorts ports, FinishJournalEntry entry) => new FinishCompletion(ports, entry).Run();

    /// <summary>What the repository shows is done, for messages after a failure.</summary>
    public static string Progress(WorkflowPorts ports, FinishJournalEntry entry)
    {
        string Has(JournalMerge merge) =>
            BranchTips.Local(ports.History, merge.Branch) is { } tip && ports.History.IsAncestor(entry.BranchTip, tip.TipSha)
                ? $"{merge.Branch} has the hotfix"
                : $"{merge.Branch} does not have it yet";
        var head = ports.Repository.Head;
        var branch = BranchTips.Local(ports.History, entry.Branch) is null ? $"{entry.Branch} is deleted" : $"{entry.Branch} still exists";
        return $"{Has(entry.Main)}; {Has(entry.Target)}; HEAD is on {head.BranchName ?? head.CommitSha?[..7]}; {branch}";
    }

    private HotfixFinish.Outcome Run()
    {
        try
        {
            Preconditions.RequireNotCheckedOutElsewhere(ports.Branches, Updated(), "finish");
            Merge(isMain: true);
            Merge(isMain: false);
            var target = entry.Target.Branch;
            if (ports.Repository.Head is not { Kind: HeadKind.Branch } head || head.BranchName != target)
            {
                Step(FinishStep.AttachingHead);
                ports.WorkingTree.AttachHead(target);
            }

            Step(FinishStep.CheckingOut);
            ports.WorkingTree.SyncToHead(entry.FromCommit);
            var deleted = entry.DeleteBranch && DeleteBranch();
            ports.Journal.End();
            return new HotfixFinish.Outcome(entry.Main.Merge, entry.Target.Merge, deleted, target);
        }
        catch (HotfixOperationException e) when (!ended)
        {
            // Only a kill leaves a journal at a running step; one stopped with a reported error owns no lock file.
            ports.Journal.Record(entry with { Step = FinishStep.Stopped });
            throw new HotfixOperationException(
                e.Message,
                $"{Progress(ports, entry)}; once that is dealt with, run hotfix finish again (no options) — it completes the rest from {ports.Journal.Location}",
                e);
        }
    }

    private IEnumerable<string> Updated() =>
        entry.DeleteBranch ? [entry.Main.Branch, entry.Target.Branch, entry.Branch] : [entry.Main.Branch, entry.Target.Branch];

    private void Step(FinishStep step)
    {
        entry = entry with { Step = step };
        ports.Journal.Record(entry);
    }

    private void Merge(bool isMain)
    {
        for (var attempt = 0; attempt < MergeAttempts; attempt++)
        {
            var merge = isMain ? entry.Main : entry.Target;
            var tip = BranchTips.Local(ports.History, merge.Branch)?.TipSha
                ?? throw new HotfixOperationException($"{merge.Branch} was deleted while hotfix finish was running", "it was not recreated");
            if (tip == merge.Merge)
            {
                return;
            }

            // A planned merge (Merge set) means the plan found the hotfix not contained in Before; between two fixed
            // commits that answer cannot change, so an unmoved branch is merged without a second ancestry walk.
            if (tip == merge.Before && merge.Merge is { } planned)
            {
                Step(isMain ? FinishStep.MovingMain : FinishStep.MovingBackMergeTarget);
                var reflog = isMain ? $"hotfix finish: merge {entry.Branch}" : $"hotfix finish: back-merge {entry.Branch}";
                if (ports.Writer.MoveBranch(merge.Branch, merge.Before, planned, reflog))
                {
                    return;
                }

                continue;
            }

            if (ports.History.IsAncestor(entry.BranchTip, tip))
            {
                return;
            }

            if (isMain)
            {
                // Main moves first, so nothing of this finish is visible yet: a fresh run plans against the new main
                // (and its checks) instead of merging behind the person's back.
                ports.Journal.End();
                ended = true;
                throw new HotfixOperationException(
                    $"{merge.Branch} moved while hotfix finish was running (someone else updated it)",
                    Preconditions.NothingChanged + "; run hotfix finish again");
            }

            Remerge(merge, tip);
        }

        throw new HotfixOperationException(
            $"{(isMain ? entry.Main : entry.Target).Branch} kept moving while hotfix finish was merging into it (someone else is updating it)",
            "the journal is kept");
    }

    /// <summary>
    /// Main has the hotfix and someone moved the back-merge target meanwhile: the only way forward is the back-merge
    /// into the target as it is now (the runbook's "ALSO merge to develop"), with the message planned for it.
    /// </summary>
    private void Remerge(JournalMerge merge, string tip)
    {
        var preview = ports.Merges.PreviewMerge(tip, entry.BranchTip);
        if (preview.HasConflicts)
        {
            var quoted = ShellWords.Quote(entry.Branch);
            // git runs the drivers and may well merge cleanly: then there is nothing to fix or commit by hand.
            throw new HotfixOperationException(
                preview.NeedsDrivers
                    ? $"{merge.Branch} moved while hotfix finish was running and merging {entry.Branch} into it now needs merge drivers from .gitattributes, which hotfix finish does not run ({string.Join(", ", preview.Drivers!.Take(20))}). Make the back-merge by hand, and git runs them: git checkout {merge.Branch} && git merge --no-ff {quoted}; git switch {quoted}"
                    : $"{merge.Branch} moved while hotfix finish was running and merging {entry.Branch} into it now conflicts ({string.Join(", ", preview.ConflictingPaths.Take(20))}). Resolve the back-merge by hand: git checkout {merge.Branch} && git merge --no-ff {quoted}; fix the files; git commit; git switch {quoted}",
                "see below");
        }

        var identity = ports.Merges.Identity
            ?? throw new HotfixOperationException("git does not know who is merging (user.name, user.email)", "see below");
        var sha = ports.Merges.CreateMergeCommit(preview, merge.Message, identity, ports.Time.GetLocalNow());
        entry = entry with { Target = merge with { Before = tip, Merge = sha } };
        ports.Journal.Record(entry);
    }

    private bool DeleteBranch()
    {
        var tip = BranchTips.Local(ports.History, entry.Branch)?.TipSha;
        if (tip is null)
        {
            return true;
        }

        if (tip == entry.BranchTip)
        {
            Step(FinishStep.DeletingBranch);
            if (ports.Writer.DeleteBranch(entry.Branch, entry.BranchTip))
            {
                return true;
            }
        }

        // Commits added to the branch since the check are not merged: deleting it is the person's call.
        ports.Journal.End();
        ended = true;
        throw new HotfixOperationException(
            $"{entry.Branch} was not deleted: it no longer points at {entry.BranchTip[..7]}, the commit that was checked and merged",
            $"the merges are done ({entry.Main.Branch} and {entry.Target.Branch} contain {entry.BranchTip[..7]}); HEAD is on {entry.Target.Branch}; only the branch is left — delete it with git branch -d {ShellWords.Quote(entry.Branch)} once you have checked it");
    }
}
