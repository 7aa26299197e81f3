using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>Runs the CLI in-process in a test repository with git's test identity (GIT_COMMITTER_NAME…).</summary>
internal static class HotfixCli
{
    public static IReadOnlyDictionary<string, string> Identity { get; } =
        GitCli.Environment.Where(e => e.Key.StartsWith("GIT_", StringComparison.Ordinal) && e.Value is not null)
            .ToDictionary(e => e.Key, e => e.Value!);

    public static CliResult Run(TestRepository repo, params string[] args) => CliRun.Run(repo.Path, Identity, args);

    public static CliResult Run(string workingDirectory, params string[] args) => CliRun.Run(workingDirectory, Identity, args);
}
