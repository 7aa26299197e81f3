using System.CommandLine;
using Hotfix.Cli.Commands;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The conventions kubectl, git and gh users bring, applied to the whole command tree after it is built, so that every
/// command — also those added later — gets them without doing anything: <c>-o</c> as the output format, help with
/// examples and <c>hotfix help COMMAND</c>, shell completion (mistyped names get suggestions in <see cref="ParseProblems"/>).
/// </summary>
internal static class CliConventions
{
    public static void Apply(RootCommand root, CliEnvironment environment)
    {
        OutputOptionAliases.Apply(root);
        HelpConventions.Apply(root, environment);
        root.Subcommands.Add(CompletionCommand.Create());
        VersionAction.Apply(root);
    }
}
