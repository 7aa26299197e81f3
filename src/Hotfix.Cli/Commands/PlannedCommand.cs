using System.CommandLine;

namespace Hotfix.Cli.Commands;

/// <summary>
/// A command of the CLI contract that this version does not implement yet. It says so plainly, changes nothing and
/// exits 2, so no script mistakes it for a success.
/// </summary>
internal sealed record PlannedCommand(string Name, string Summary)
{
    public static IReadOnlyList<PlannedCommand> All { get; } =
    [
        new("decide", "Rollback or forward-fix, from the runbook's decision table, with the rule that decided and why."),
        new("rollback", "Guarded, recorded Kubernetes rollback (kubectl rollout undo semantics) with status and pod checks."),
    ];

    public Command Create(CliEnvironment environment)
    {
        var command = new Command(Name, Summary + " (not available in this version)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(_ =>
        {
            environment.Error.WriteLine($"hotfix: error: 'hotfix {Name}' is not available in this version of hotfix; nothing was done. It will: {Summary}");
            return ExitCodes.InvalidInput;
        });
        return command;
    }
}
