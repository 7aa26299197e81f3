using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>Runs one command of printed advice as a person would type it, in bash.</summary>
internal static class AdviceShell
{
    public static ProcessResult Run(string path, string command) =>
        // git commit takes the prepared merge message, as a person accepting the editor does.
        ProcessRunner.Run("bash", ["-c", command], path, new Dictionary<string, string?>(GitCli.Environment) { ["GIT_EDITOR"] = "true" });
}
