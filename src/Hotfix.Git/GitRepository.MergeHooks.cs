using Hotfix.Policy.Ports;

namespace Hotfix.Git;

/// <summary>The hooks <c>git merge --no-ff</c> runs for a merge commit, which libgit2 never runs.</summary>
internal sealed partial class GitRepository
{
    /// <summary>git's hooks around a merge commit, in the order git runs them.</summary>
    private static readonly string[] MergeHookNames = ["pre-merge-commit", "prepare-commit-msg", "commit-msg", "post-merge"];

    public IReadOnlyList<string> MergeHooks()
    {
        // core.hooksPath, relative to the working tree as git takes it; else the hooks of the shared git directory.
        var configured = repository.Config.Get<string>("core.hooksPath")?.Value;
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(CommonDirectory, "hooks")
            : Path.GetFullPath(configured.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), configured[2..])
                : Path.Combine(Root, configured));
        return MergeHookNames
            .Select(name => Path.Combine(folder, name))
            .Where(IsExecutable)
            .Select(path => Path.GetRelativePath(Root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path)
            .ToList();
    }

    /// <summary>git ignores a hook file that is not executable (with a hint), so only executable ones count.</summary>
    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
