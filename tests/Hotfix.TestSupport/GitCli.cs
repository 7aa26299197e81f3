namespace Hotfix.TestSupport;

/// <summary>
/// The real git command line, isolated from the machine's configuration (no global or system config, fixed identity),
/// for building test repositories and for cross-checking what the product did.
/// </summary>
public static class GitCli
{
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@example.com",
        ["GIT_COMMITTER_NAME"] = "Test Committer",
        ["GIT_COMMITTER_EMAIL"] = "committer@example.com",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>Runs git and returns its trimmed standard output; throws with both streams when git fails.</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var result = Try(workingDirectory, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {workingDirectory}:\n{result}");
        }

        return result.StandardOutput.TrimEnd('\n');
    }

    public static ProcessResult Try(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("git", arguments, workingDirectory, Environment);
}
