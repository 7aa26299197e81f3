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
        new("start", "Create hotfix/INC-YYYY-NNNN-short-description from an up-to-date main and check it out."),
        new("finish", "Merge the hotfix branch --no-ff into main and the back-merge target, all or nothing; then delete it."),
        new("audit", "Find hotfixes in main's history that never reached the back-merge target."),
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
