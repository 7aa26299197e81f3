using Hotfix.Policy.Branching;
using Hotfix.Policy.Checks;
using Hotfix.Policy.History;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// <c>hotfix finish</c>: the runbook's "git checkout main &amp;&amp; git merge --no-ff hotfix/…", "git checkout develop
/// &amp;&amp; git merge --no-ff hotfix/…", "git branch -d hotfix/…" — all or nothing. Both merges are computed in memory
/// before the first ref moves; any conflict changes nothing. Every step is derived from the repository (does main
/// already contain the branch? does develop?), so a rerun after a partial finish completes only what is missing; a
/// finish killed part-way is completed from its journal (<see cref="Resume"/>, docs/reliability.md).
/// </summary>
internal static class HotfixFinish
{
    /// <summary>What to finish.</summary>
    /// <param name="Branch">The hotfix branch (--branch), or null for HEAD's branch.</param>
    /// <param name="KeepBranch">Keep the branch after merging (--keep-branch).</param>
    /// <param name="ForceReason">Merge despite blocking findings; the reason goes into both merge messages (--force).</param>
    /// <param name="NoVerify">Merge although the repository has merge hooks, which finish does not run (--no-verify).</param>
    public sealed record Request(string? Branch = null, bool KeepBranch = false, string? ForceReason = null, bool NoVerify = false);

    /// <summary>What finish did.</summary>
    public sealed record Outcome(string? MainMerge, string? BackMergeTargetMerge, bool BranchDeleted, string? HeadBranch);

    /// <summary>
    /// Checks every precondition and computes both merges in memory. Throws <see cref="HotfixInputException"/> for bad
    /// input (exit 2) and <see cref="HotfixOperationException"/> when the repository's state stops it — a dirty tree,
    /// a conflict, a stale main (exit 3); nothing is changed either way. Blocking findings come back in the plan.
    /// </summary>
    public static FinishPlan Prepare(WorkflowPorts ports, HotfixPolicy policy, Request request, Func<CheckSubject, CheckReport> check)
    {
        var branches = policy.Branches;
        var history = ports.History;
        var head = ports.Repository.Head;
        var branch = ResolveBranch(ports, head, request.Branch, branches);
        if (request.ForceReason is { } reason && string.IsNullOrWhiteSpace(reason))
        {
            throw new HotfixInputException("--force '': expected the reason for merging despite blocking findings, e.g. --force \"SEV1, reviewed by mira on the call\"; it is written into the merge messages.");
        }

        if (head.Kind == HeadKind.Unborn)
        {
            throw new HotfixInputException($"HEAD is on '{head.BranchName}', which has no commits yet; expected HEAD on a commit (git switch {ShellWords.Quote(branch.Name)}).");
        }

        Preconditions.RequireCleanWorkingTree(ports.WorkingTree, "finish");
        var main = Preconditions.RequireLocalBranch(history, branches.Main, "branches.main", branches.Remote);
        var target = Preconditions.RequireLocalBranch(history, branches.BackMergeTarget, "branches.backMergeTarget", branches.Remote);
        Preconditions.RequireNotCheckedOutElsewhere(
            ports.Branches,
            request.KeepBranch ? [main.Name, target.Name] : [main.Name, target.Name, branch.Name],
            "finish");
        var warnings = new List<string>();
        foreach (var local in new[] { main, target })
        {
            if (UpstreamState.Of(ports, local) is { } state
                && state.RequireNotBehind($"the merge would land on an outdated {local.Name} and its push would be rejected") is { } ahead)
            {
                warnings.Add(ahead);
            }
        }

        foreach (var into in new[] { main, target })
        {
            if (!ShallowHistory.CanDecide(history, branch.TipSha, into.TipSha, history.MergeBase(branch.TipSha, into.TipSha)))
            {
                throw new HotfixOperationException(
                    $"this clone is too shallow to merge {branch.Name} into {into.Name} safely (their common history is not here); {ShallowHistory.HowToDeepen(branches.Remote)}",
                    Preconditions.NothingChanged);
            }
        }

        var incident = HotfixBranchName.TryParse(branch.Name, branches.Naming, out var parsed, out _)
            ? parsed.Incident
            : IncidentId.FindAll(branch.Name) is [var first, ..] ? first : (IncidentId?)null;
        // "ANTI_PATTERN: testing only in dev environment": said before the merge, never silently; it does not block.
        if (incident is { } recordedIncident && ports.Ports.Find<Records.IIncidentRecordStore>() is { } records
            && TestRuns.TestEvidence.From(policy, records.Read(recordedIncident).Events).EnvironmentWarning() is { } testedOnlyInDev)
        {
            warnings.Add(testedOnlyInDev);
        }

        var mainDone = history.IsAncestor(branch.TipSha, main.TipSha);
        var targetDone = history.IsAncestor(branch.TipSha, target.TipSha);

        CheckReport? report = null;
        string? forceReason = null;
        string? signing = null;
        IReadOnlyList<string> hooks = [];
        if (!mainDone || !targetDone)
        {
            if (ports.Merges.Identity is null)
            {
                throw new HotfixInputException("git does not know who is merging: expected user.name and user.email in the git configuration (git config user.name \"Your Name\"; git config user.email you@example.com) or GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL.");
            }

            // Before anything moves: merges git would sign must be signed, or not made at all.
            signing = ports.Merges.CheckSigning();
            hooks = ports.Merges.MergeHooks();
            if (hooks.Count > 0 && request.NoVerify)
            {
                warnings.Add($"--no-verify: the merge hooks git would run ({string.Join(", ", hooks)}) are skipped");
            }

            report = check(new CheckSubject(branch.Name, branch.TipSha));
            if (report.IsBlocking)
            {
                forceReason = request.ForceReason;
            }
            else if (request.ForceReason is not null)
            {
                warnings.Add("--force was given but nothing blocks; the merges proceed without a forced note");
            }
        }

        var blocked = report is { IsBlocking: true } && forceReason is null;
        var intoMain = PlanMerge(ports, branch, main, mainDone, blocked, MainMessage(branch, main, incident, report, forceReason));
        var intoTarget = PlanMerge(ports, branch, target, targetDone, blocked, BackMergeMessage(branch, target, incident, report, forceReason));
        RequireNoDrivers(branch, intoMain, intoTarget);
        RequireNoConflicts(branch, intoMain, intoTarget);

        var steps = new List<PlanStep>();
        var willMove = !intoMain.Done || !intoTarget.Done;
        if (!blocked && (willMove || !request.KeepBranch))
        {
            var finalTree = intoTarget.Preview?.TreeId ?? target.TipSha;
            var headOnTarget = head.Kind == HeadKind.Branch && head.BranchName == target.Name;
            if (!(headOnTarget && intoTarget.Done))
            {
                Preconditions.RequireNothingInTheWay(ports.WorkingTree, finalTree, $"checking out {target.Name} at the end");
            }
        }

        if (hooks.Count > 0)
        {
            var list = string.Join(", ", hooks);
            steps.Add(new PlanStep(
                request.NoVerify
                    ? $"skip the merge hooks git would run ({list}): --no-verify"
                    : $"refuse: git merge would run the merge hooks {list}, which hotfix finish does not run; add --no-verify to merge without them, or type the commands below (git runs the hooks)",
                []));
        }

        AddMergeSteps(steps, branch, intoMain, signing);
        AddMergeSteps(steps, branch, intoTarget, signing);
        var delete = !request.KeepBranch;
        if (delete)
        {
            var commands = new List<string>();
            if (intoTarget.Done && (head.Kind != HeadKind.Branch || head.BranchName != target.Name))
            {
                commands.Add(ShellWords.Join("git", "checkout", target.Name));
            }

            commands.Add(ShellWords.Join("git", "branch", "-d", branch.Name));
            steps.Add(new PlanStep($"delete {branch.Name} (it is then contained in {main.Name} and {target.Name})", commands));
        }

        var upstream = ports.Branches.Upstream(branch.Name);
        var next = new List<string> { ShellWords.Join("git", "push", branches.Remote, main.Name, target.Name) };
        if (delete && upstream is { Remote: not "." })
        {
            next.Add(ShellWords.Join("git", "push", upstream.Remote, "--delete", branch.Name));
        }

        return new FinishPlan
        {
            Branch = branch,
            Incident = incident,
            OriginalHead = head,
            IntoMain = intoMain,
            IntoBackMergeTarget = intoTarget,
            DeleteBranch = delete,
            Check = report,
            ForceReason = forceReason,
            SkippedHooks = request.NoVerify ? [] : hooks,
            Steps = steps,
            Warnings = warnings,
            NextCommands = next,
        };
    }

    /// <summary>
    /// Makes the merges: writes both merge commits (unreferenced objects), records the finish in the journal (which
    /// also keeps a second finish out), then moves main and the back-merge target with compare-and-swap, attaches HEAD
    /// to the target, brings the index and files to it and deletes the branch. Killed at any instant, it leaves a state
    /// a plain rerun completes (<see cref="Resume"/>).
    /// </summary>
    public static Outcome Execute(WorkflowPorts ports, FinishPlan plan)
    {
        if (plan.Blocked)
        {
            throw new InvalidOperationException("A blocked finish plan cannot be executed; the caller must stop on FinishPlan.Blocked.");
        }

        if (plan.SkippedHooks.Count > 0)
        {
            throw new HotfixOperationException(
                $"git merge would run this repository's merge hooks ({string.Join(", ", plan.SkippedHooks)}) and hotfix finish does not run hooks (libgit2 cannot); rerun with --no-verify to merge without them (git's own option for skipping them), or merge by hand with the commands of hotfix finish --dry-run, which git runs them for",
                Preconditions.NothingChanged);
        }

        var main = plan.IntoMain.Target;
        var target = plan.IntoBackMergeTarget.Target;
        var now = ports.Time.GetLocalNow();
        var identity = ports.Merges.Identity;
        var mainMerge = plan.IntoMain.Done ? null : ports.Merges.CreateMergeCommit(plan.IntoMain.Preview!, plan.IntoMain.Message, identity!, now);
        var targetMerge = plan.IntoBackMergeTarget.Done ? null : ports.Merges.CreateMergeCommit(plan.IntoBackMergeTarget.Preview!, plan.IntoBackMergeTarget.Message, identity!, now);
        var entry = new FinishJournalEntry(
            plan.Branch.Name,
            plan.Branch.TipSha,
            plan.DeleteBranch,
            plan.OriginalHead.CommitSha!,
            new JournalMerge(main.Name, main.TipSha, mainMerge, plan.IntoMain.Message),
            new JournalMerge(target.Name, target.TipSha, targetMerge, plan.IntoBackMergeTarget.Message),
            FinishStep.Begun,
            plan.NextCommands);
        ports.Journal.Begin(entry);
        return FinishCompletion.Run(ports, entry);
    }

    /// <summary>
    /// Completes the finish a journal records — one killed part-way, or stopped by a reported error — without HEAD
    /// or options: the journal names the branch, the refs say what is done. Refuses (exit 3, nothing changed) while
    /// the finish that wrote it is still running, or when the working tree holds changes that are not that finish's
    /// own interrupted checkout.
    /// </summary>
    /// <param name="ports">The repository's ports, the journal among them.</param>
    /// <param name="interrupted">The journal as read, with whether its owner process is still alive.</param>
    /// <param name="keepBranch">--keep-branch on the rerun: complete the merges but keep the branch.</param>
    public static Outcome Resume(WorkflowPorts ports, FinishJournalRead interrupted, bool keepBranch = false)
    {
        var entry = interrupted.Entry;
        RefuseWhileRunning(ports, interrupted);

        var targetTip = BranchTips.Local(ports.History, entry.Target.Branch)?.TipSha ?? entry.Target.Before;
        var foreign = ports.WorkingTree.ForeignChanges(entry.FromCommit, targetTip);
        if (foreign.Count > 0)
        {
            var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : string.Empty);
            throw new HotfixOperationException(
                $"an interrupted hotfix finish of {entry.Branch} is recorded in {ports.Journal.Location}, but the working tree has changes that are not its own interrupted checkout ({shown}); commit or stash them (git stash push), then run hotfix finish again",
                $"nothing was changed by this run; {FinishCompletion.Progress(ports, entry)}");
        }

        ports.Journal.TakeOver(entry);
        return FinishCompletion.Run(ports, keepBranch ? entry with { DeleteBranch = false } : entry);
    }

    /// <summary>
    /// Refuses (exit 3, nothing changed) while the finish that wrote <paramref name="journal"/> is still running —
    /// also the right answer when this run's own checks tripped over that finish's half-done work.
    /// </summary>
    public static void RefuseWhileRunning(WorkflowPorts ports, FinishJournalRead? journal)
    {
        if (journal?.RunningOwner is { } owner)
        {
            throw new HotfixOperationException(
                $"another hotfix finish ({owner}) is finishing {journal.Entry.Branch} in this repository ({ports.Journal.Location}); wait for it to end — if it hangs, stop it, and a plain hotfix finish completes its work",
                "nothing was changed by this run");
        }
    }

    /// <summary>
    /// After this run's checks failed: refuses with the real reason when another finish overlapped them. Either that
    /// finish is still running (its journal says so), or it ended between the checks and this second look — then
    /// HEAD is no longer where this run found it, and the "uncommitted changes" the checks saw were that finish's
    /// checkout in progress, which no one should stash.
    /// </summary>
    /// <param name="ports">The repository's ports.</param>
    /// <param name="headBefore">HEAD as this run found it before its checks.</param>
    public static void RefuseAfterOverlap(WorkflowPorts ports, HeadState headBefore)
    {
        RefuseWhileRunning(ports, ports.Journal.Read());
        var now = ports.Repository.Head;
        if (now != headBefore)
        {
            throw new HotfixOperationException(
                $"HEAD moved from {Describe(headBefore)} to {Describe(now)} while this hotfix finish was checking the repository — another hotfix finish (or a git command) ran at the same time; run hotfix finish again to see what is left",
                "nothing was changed by this run");
        }
    }

    private static string Describe(HeadState head) =>
        (head.BranchName ?? "a detached HEAD") + (head.CommitSha is { } sha ? " at " + sha[..Math.Min(7, sha.Length)] : string.Empty);

    private static BranchTip ResolveBranch(WorkflowPorts ports, HeadState head, string? option, BranchPolicy branches)
    {
        string name;
        if (option is not null)
        {
            name = option;
        }
        else if (head.Kind == HeadKind.Branch)
        {
            name = head.BranchName!;
        }
        else if (head.Kind == HeadKind.Unborn)
        {
            throw new HotfixInputException($"HEAD is on '{head.BranchName}', which has no commits yet; expected HEAD on the hotfix branch, or --branch NAME.");
        }
        else
        {
            throw new HotfixInputException(
                $"HEAD is detached at {head.CommitSha?[..7]}; expected HEAD on the hotfix branch to finish (git switch hotfix/INC-YYYY-NNNN-…) or --branch NAME.");
        }

        if (name == branches.Main || name == branches.BackMergeTarget)
        {
            throw new HotfixInputException($"'{name}' is {(name == branches.Main ? "the production branch" : "the back-merge target")}, not a hotfix branch; expected the hotfix branch to finish (--branch NAME or HEAD on it).");
        }

        if (BranchTips.Local(ports.History, name) is { } local)
        {
            return local;
        }

        var shown = Checks.Branching.CommitLists.Excerpt(name);
        throw BranchTips.Tracking(ports.History, name, branches.Remote) is not null
            ? new HotfixInputException($"--branch '{shown}' exists only as {branches.Remote}/{shown}; expected a local branch: git switch {ShellWords.Quote(name)} creates it from {branches.Remote}.")
            : new HotfixInputException($"--branch '{shown}': no such local branch; expected the name of the hotfix branch to finish (git branch lists them; an already finished hotfix is gone — hotfix audit shows it).");
    }

    private static FinishMerge PlanMerge(WorkflowPorts ports, BranchTip branch, BranchTip into, bool done, bool blocked, string message) =>
        new(into, done, done || blocked ? null : ports.Merges.PreviewMerge(into.TipSha, branch.TipSha), message);

    /// <summary>
    /// Refuses (exit 3, before any write) when git would merge a path with a merge driver finish does not run: the
    /// result is then whatever the driver makes, so the merge is left to git, which runs it in the working tree.
    /// Running the driver here was judged unsafe: it is an arbitrary shell command that expects git's working tree of
    /// the target branch around it, and finish computes its merges before anything moves — also for --dry-run.
    /// </summary>
    private static void RequireNoDrivers(BranchTip branch, params FinishMerge[] merges)
    {
        var driven = merges.Where(m => m.Preview is { NeedsDrivers: true }).ToList();
        if (driven.Count == 0)
        {
            return;
        }

        var quoted = ShellWords.Quote(branch.Name);
        var lines = driven.Select(m => $"  into {m.Target.Name}: {string.Join(", ", m.Preview!.Drivers!.Take(20))}{(m.Preview.Drivers!.Count > 20 ? $" and {m.Preview.Drivers.Count - 20} more" : string.Empty)}");
        var commands = driven.Select(m => $"  git checkout {ShellWords.Quote(m.Target.Name)} && git merge --no-ff {quoted}");
        throw new HotfixOperationException(
            $"merging {branch.Name} needs merge drivers from .gitattributes and the git configuration, which hotfix finish does not run (git runs them in the working tree), so nothing was merged:\n{string.Join('\n', lines)}\nMerge by hand, and git runs the drivers:\n{string.Join('\n', commands)}\nthen rerun hotfix finish — it sees which branches already have the hotfix and completes the rest",
            "nothing was changed: branches, index, working tree and HEAD are exactly as before");
    }

    private static void RequireNoConflicts(BranchTip branch, params FinishMerge[] merges)
    {
        var conflicted = merges.Where(m => m.Preview is { HasConflicts: true }).ToList();
        if (conflicted.Count == 0)
        {
            return;
        }

        var lines = conflicted.Select(m => $"  into {m.Target.Name}: {string.Join(", ", m.Preview!.ConflictingPaths.Take(20))}{(m.Preview.ConflictingPaths.Count > 20 ? $" and {m.Preview.ConflictingPaths.Count - 20} more" : string.Empty)}");
        var quoted = ShellWords.Quote(branch.Name);
        var advice = new List<string>();
        foreach (var merge in conflicted)
        {
            var into = merge.Target.Name;
            advice.Add(ReferenceEquals(merges[0], merge)
                ? $"  {into}: the hotfix no longer applies cleanly to production — bring {into} into the hotfix branch and resolve there (git switch {quoted} && git merge {into}; fix the files; git commit), test again, then rerun hotfix finish"
                : $"  {into}: resolve the back-merge by hand (git checkout {into} && git merge --no-ff {quoted}; fix the files; git commit; git switch {quoted}), then rerun hotfix finish — it sees {into} already has the hotfix and completes the rest");
        }

        throw new HotfixOperationException(
            $"merging {branch.Name} would conflict, so nothing was merged:\n{string.Join('\n', lines)}\nHow to resolve:\n{string.Join('\n', advice)}",
            "nothing was changed: branches, index, working tree and HEAD are exactly as before");
    }

    private static void AddMergeSteps(List<PlanStep> steps, BranchTip branch, FinishMerge merge, string? signing)
    {
        var into = merge.Target.Name;
        if (merge.Done)
        {
            steps.Add(new PlanStep($"{into} already contains {branch.Name} — skipped", [], Done: true));
            return;
        }

        var words = new List<string> { "git", "merge", "--no-ff" };
        foreach (var paragraph in merge.Message.Split("\n\n"))
        {
            words.Add("-m");
            words.Add(paragraph);
        }

        words.Add(branch.Name);
        steps.Add(new PlanStep(
            $"merge {branch.Name} into {into} with --no-ff" + (signing is null ? string.Empty : ", " + signing),
            [ShellWords.Join("git", "checkout", into), ShellWords.Join([.. words])]));
    }

    private static string MainMessage(BranchTip branch, BranchTip main, IncidentId? incident, CheckReport? report, string? force) =>
        Message(branch, main, $"Hotfix {incident?.ToString() ?? "(no incident id in the branch name)"} merged into production ({main.Name}) by hotfix finish.", incident, report, force);

    private static string BackMergeMessage(BranchTip branch, BranchTip target, IncidentId? incident, CheckReport? report, string? force) =>
        Message(branch, target, $"Back-merge of hotfix {incident?.ToString() ?? "(no incident id in the branch name)"} so the next release keeps the fix (runbook: after merge to main, ALSO merge to {target.Name}).", incident, report, force);

    private static string Message(BranchTip branch, BranchTip into, string body, IncidentId? incident, CheckReport? report, string? force)
    {
        var paragraphs = new List<string> { $"Merge branch '{branch.Name}' into {into.Name}", body };
        if (force is not null && report is not null)
        {
            var ids = report.Findings.Where(f => f.IsBlocking).Select(f => f.RuleId).Distinct();
            paragraphs.Add($"Forced past blocking findings ({string.Join(", ", ids)}): {force}");
        }

        if (incident is { } id)
        {
            paragraphs.Add($"Incident: {id}");
        }

        return string.Join("\n\n", paragraphs);
    }
}
