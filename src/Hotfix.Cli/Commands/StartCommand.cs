using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Workflow;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix start INC-YYYY-NNNN short-description</c>: a hotfix branch from an up-to-date main, checked out.</summary>
internal static class StartCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var incident = new Argument<string>("incident-id") { Description = "The incident id, INC-YYYY-NNNN (e.g. INC-2026-0042)." };
        var description = new Argument<string>("short-description")
        {
            Description = "Lowercase words joined by hyphens (e.g. fix-order-rounding); the branch becomes hotfix/INC-YYYY-NNNN-short-description.",
        };
        var noFetch = new Option<bool>("--no-fetch")
        {
            Description = "Do not fetch main's upstream first; compare with it as last fetched (for when the remote cannot be reached).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and print the plan as git commands; change nothing (and do not fetch)." };

        var command = new Command("start", "Create hotfix/INC-YYYY-NNNN-short-description from an up-to-date main and check it out.")
        {
            incident, description, noFetch, dryRun,
        };
        CommandExamples.Attach(
            command,
            ("Start the hotfix for an incident from an up-to-date main", "hotfix start INC-2026-0042 fix-order-rounding"),
            ("See the git commands first, change nothing", "hotfix start INC-2026-0042 fix-order-rounding --dry-run"));
        command.SetAction(parse =>
        {
            using var session = RepositorySession.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            var ports = new WorkflowPorts(session.Ports(), environment.Time);
            var request = new HotfixStart.Request(parse.GetValue(incident)!, parse.GetValue(description)!, !parse.GetValue(noFetch), parse.GetValue(dryRun));
            var plan = HotfixStart.Prepare(ports, session.Policy, request);
            WorkflowOutput.Notes(environment, plan.Notes);
            WorkflowOutput.Warnings(environment, plan.Warnings);
            if (request.DryRun)
            {
                WorkflowOutput.Plan(environment, "Plan (dry run — nothing was changed):", plan.Steps);
                return ExitCodes.Success;
            }

            HotfixStart.Execute(ports, plan);
            var branch = plan.Branch.FullName;
            var remote = plan.FetchRemote ?? session.Policy.Branches.Remote;
            environment.Out.WriteLine(plan.ResumeFrom is not null
                ? $"Completed the interrupted start: switched to {branch}, which the earlier run had created from {plan.Main.Name} at {plan.BaseCommit.ShortSha} ({CommitLists.Excerpt(plan.BaseCommit.Subject)})."
                : $"Created {branch} from {plan.Main.Name} at {plan.BaseCommit.ShortSha} ({CommitLists.Excerpt(plan.BaseCommit.Subject)}) and switched to it.");
            if (session.Repository.HasRemote(remote))
            {
                WorkflowOutput.Commands(environment, "Next: commit the fix, push the branch, open the pull request and check it:", [
                    ShellWords.Join("git", "push", "-u", remote, branch),
                    "hotfix check",
                ]);
            }
            else
            {
                // Nowhere to push yet: say so instead of a command that fails.
                WorkflowOutput.Commands(environment, $"Next: commit the fix and check it (this repository has no remote '{remote}' to push to — add one with git remote add {remote} URL, then git push -u {remote} {branch}):", [
                    "hotfix check",
                ]);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
