using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Decisions;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix rollback-migration</c>: the runbook's "rollback database migration" as a read-only plan — for the hotfix's
/// migrations, what the framework's rollback would drop and the forward migration that undoes the change instead.
/// Touches no database and writes no file; exit 0 with a plan, 3 when the migrations could not be read.
/// </summary>
internal static class RollbackMigrationCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var branch = new Option<string?>("--branch") { Description = "Plan for this hotfix branch instead of HEAD's.", HelpName = "NAME" };
        var format = SectionOutput.FormatOption();
        var command = new Command("rollback-migration", "What rolling back the hotfix's database migrations would drop, and the forward migration that undoes them instead (read-only: never touches a database).")
        {
            branch, format,
        };
        CommandExamples.Attach(
            command,
            ("What rolling back the hotfix's migrations would drop, and the forward migration instead", "hotfix rollback-migration"),
            ("The plan as a pull-request comment", "hotfix rollback-migration --format markdown"),
            ("For another branch, as JSON", "hotfix rollback-migration --branch hotfix/INC-2026-0042-fix-totals --format json"));
        command.SetAction(parse =>
        {
            using var session = RepositorySession.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            using var engine = CliEngine.For(session, environment);
            var branchName = parse.GetValue(branch);
            // On main or develop "the hotfix has no migrations" would be about no hotfix at all — while its migration is live.
            if (NotOnHotfixBranch.Explain(session, branchName, environment, "rollback-migration", "plans the rollback of a hotfix branch's migrations; on {0} there is no hotfix to read them from. Nothing was planned."))
            {
                return ExitCodes.InvalidInput;
            }

            var plan = CheckCommand.WithCliRemedy(() => engine.PlanMigrationRollback(branchName), branchName);
            SectionOutput.Write(new MigrationRollbackSection(plan), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            if (plan.UnavailableReason is { } reason)
            {
                throw new HotfixOperationException($"the hotfix's migrations could not be read: {reason}", "nothing was changed; the plan above lists no migration");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
