using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Review;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workflow;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix finish</c>: --no-ff merges into main and the back-merge target, all or nothing, then the branch is deleted.
/// Exit 1 when the check blocks (without --force), 3 when a merge would conflict, would need a merge driver from
/// .gitattributes (which git runs, finish does not), or the repository is not ready.
/// </summary>
internal static class FinishCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var branch = new Option<string?>("--branch")
        {
            Description = "Finish this hotfix branch instead of HEAD's.",
            HelpName = "NAME",
        };
        var keepBranch = new Option<bool>("--keep-branch") { Description = "Keep the hotfix branch after merging." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything, compute both merges in memory and print the plan as git commands; change nothing." };
        var force = new Option<string?>("--force")
        {
            Description = "Merge despite blocking findings of hotfix check; the reason is written into both merge messages.",
            HelpName = "REASON",
        };

        var noVerify = new Option<bool>("--no-verify")
        {
            Description = "Merge although the repository has merge hooks (pre-merge-commit, prepare-commit-msg, commit-msg, post-merge): finish does not run them, and refuses without this option.",
        };

        var command = new Command("finish", "Merge the hotfix branch --no-ff into main and the back-merge target (all or nothing), then delete it.")
        {
            branch, keepBranch, dryRun, force, noVerify,
        };
        CommandExamples.Attach(
            command,
            ("See the merges and the branch deletion first", "hotfix finish --dry-run"),
            ("Merge into main and develop, delete the branch", "hotfix finish"));
        command.SetAction(parse =>
        {
            using var session = RepositorySession.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            // The incident record lets finish hold the hotfix to its recorded review (the same validators as hotfix review).
            var records = Workspace.RecordStore(environment, session.Policy, session.Repository.Root);
            var ports = new WorkflowPorts(session.Ports().Add<IIncidentRecordStore>(records), environment.Time);
            var request = new HotfixFinish.Request(parse.GetValue(branch), parse.GetValue(keepBranch), parse.GetValue(force), parse.GetValue(noVerify));
            if (ports.Journal.Read() is { } interrupted)
            {
                return Resume(environment, ports, interrupted, request, parse.GetValue(dryRun), session.Policy.Branches.Remote, PushHeading(session, "Next: push"));
            }

            if (FinishedAlready.Explain(ports, session.Policy.Branches, request.Branch) is { } finished)
            {
                environment.Out.WriteLine(finished);
                return ExitCodes.Success;
            }

            FinishPlan plan;
            var headBefore = ports.Repository.Head;
            try
            {
                plan = HotfixFinish.Prepare(ports, session.Policy, request, subject =>
                    CheckRunner.Run(new CheckContext(session.Policy, subject, new CheckOptions(), ports.Ports) { Time = environment.Time, LocatesBranchFindings = false }, [.. CliModules.All, new FinishReviewModule()], ToolIdentity.Current));
            }
            catch (Exception e) when (e is HotfixOperationException or HotfixInputException)
            {
                // A finish that started after the look above leaves a moving repository (HEAD on develop, files
                // half checked out): that finish, not what it left, is the reason to stop.
                HotfixFinish.RefuseAfterOverlap(ports, headBefore);
                throw;
            }

            WorkflowOutput.Warnings(environment, plan.Warnings);
            foreach (var note in plan.Check?.Findings.Where(f => f.RuleId.StartsWith("HF50", StringComparison.Ordinal) && !f.IsBlocking) ?? [])
            {
                environment.Error.WriteLine($"hotfix: {note.Severity.Name()}: {note.RuleId} {note.Message}");
            }

            if (plan.Blocked)
            {
                new TextReportRenderer(new RenderOptions(Color: false)).Render(plan.Check!, environment.Out);
                var ids = string.Join(", ", plan.Check!.Findings.Where(f => f.IsBlocking).Select(f => f.RuleId).Distinct());
                environment.Error.WriteLine(
                    $"hotfix: error: finish refused: {plan.Branch.Name} has blocking findings ({ids}); fix them, or merge anyway with --force \"reason\" (the reason is written into the merge messages). Nothing was changed.");
                return ExitCodes.PolicyFindings;
            }

            if (plan.NothingToDo)
            {
                environment.Out.WriteLine($"Nothing to do: {plan.IntoMain.Target.Name} and {plan.IntoBackMergeTarget.Target.Name} already contain {plan.Branch.Name} (kept with --keep-branch).");
                return ExitCodes.Success;
            }

            if (parse.GetValue(dryRun))
            {
                WorkflowOutput.Plan(environment, "Plan (dry run — nothing was changed):", plan.Steps);
                WorkflowOutput.Commands(environment, PushHeading(session, "Then push"), plan.NextCommands);
                return ExitCodes.Success;
            }

            var outcome = HotfixFinish.Execute(ports, plan);
            Report(environment, plan, outcome, PushHeading(session, "Next: push"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A journal means an earlier finish was killed or stopped: it names the branch, so no HEAD or options are needed,
    /// and nothing else may start until it is complete.
    /// </summary>
    private static int Resume(CliEnvironment environment, WorkflowPorts ports, FinishJournalRead interrupted, HotfixFinish.Request request, bool dryRun, string remote, string pushHeading)
    {
        var entry = interrupted.Entry;
        if (request.Branch is { } named && named != entry.Branch)
        {
            throw new HotfixOperationException(
                $"an interrupted hotfix finish of {entry.Branch} is recorded in {ports.Journal.Location}; complete it first (hotfix finish, no options), then finish {named}",
                "nothing was changed by this run");
        }

        if (dryRun)
        {
            environment.Out.WriteLine($"Plan (dry run — nothing was changed): complete the interrupted finish of {entry.Branch} recorded in {ports.Journal.Location} (merges into {entry.Main.Branch} and {entry.Target.Branch}, HEAD onto {entry.Target.Branch}{(entry.DeleteBranch && !request.KeepBranch ? ", delete the branch" : string.Empty)}).");
            return ExitCodes.Success;
        }

        environment.Out.WriteLine($"Completing the interrupted finish of {entry.Branch} ({ports.Journal.Location}).");
        var outcome = HotfixFinish.Resume(ports, interrupted, request.KeepBranch);
        Report(environment, entry.Branch, [(entry.Main.Branch, outcome.MainMerge), (entry.Target.Branch, outcome.BackMergeTargetMerge)], outcome);
        // The journal keeps the advice the first run would have printed; a journal without it gets the policy's remote.
        var push = entry.Push ?? [ShellWords.Join("git", "push", remote, entry.Main.Branch, entry.Target.Branch)];
        WorkflowOutput.Commands(environment, pushHeading, request.KeepBranch ? push.Where(c => !c.Contains(" --delete ", StringComparison.Ordinal)).ToList() : push);
        return ExitCodes.Success;
    }

    private static void Report(CliEnvironment environment, FinishPlan plan, HotfixFinish.Outcome outcome, string pushHeading)
    {
        Report(environment, plan.Branch.Name, [(plan.IntoMain.Target.Name, outcome.MainMerge), (plan.IntoBackMergeTarget.Target.Name, outcome.BackMergeTargetMerge)], outcome);
        WorkflowOutput.Commands(environment, pushHeading, plan.NextCommands);
    }

    /// <summary>
    /// The line above the push commands. Without the policy's remote those commands fail as printed, so it says what
    /// to add first (as <c>hotfix start</c> does) rather than leave the on-call to find out from git.
    /// </summary>
    private static string PushHeading(RepositorySession session, string verb)
    {
        var remote = session.Policy.Branches.Remote;
        return session.Repository.HasRemote(remote)
            ? $"{verb} (finish never pushes):"
            : $"{verb} (finish never pushes; this repository has no remote '{remote}' yet — add one first with git remote add {remote} URL):";
    }

    private static void Report(CliEnvironment environment, string name, (string Into, string? Sha)[] merges, HotfixFinish.Outcome outcome)
    {
        foreach (var (into, sha) in merges)
        {
            environment.Out.WriteLine(sha is null
                ? $"{into} already contained {name}; skipped."
                : $"Merged {name} into {into} (--no-ff): {sha[..7]}.");
        }

        environment.Out.WriteLine(outcome.BranchDeleted ? $"Deleted {name}." : $"Kept {name}.");
        if (outcome.HeadBranch is not null)
        {
            environment.Out.WriteLine($"HEAD is on {outcome.HeadBranch}.");
        }
    }
}
