namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Finding the working tree and its checked-out branch by reading files, as git's own discovery does (a <c>.git</c>
/// folder, or a <c>.git</c> file naming the git directory of a worktree), without libgit2. Commands that need no
/// history — decide, status, history, rollback, record, verify — go through here, so they never load the native git
/// library and keep working when the native binary was copied without it.
/// </summary>
internal static class GitWorkingTrees
{
    /// <summary>The root of the working tree holding <paramref name="start"/>, or null outside one.</summary>
    public static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            var dotGit = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(dotGit) || (File.Exists(dotGit) && GitDirectoryOf(folder.FullName) is not null))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The branch HEAD is on (refs/heads/… shortened), or null when detached or unreadable.</summary>
    public static string? HeadBranch(string root)
    {
        if (GitDirectoryOf(root) is not { } gitDir)
        {
            return null;
        }

        try
        {
            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            const string prefix = "ref: refs/heads/";
            return head.StartsWith(prefix, StringComparison.Ordinal) ? head[prefix.Length..] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? GitDirectoryOf(string root)
    {
        var dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }

        try
        {
            var text = File.ReadAllText(dotGit).Trim();
            const string prefix = "gitdir:";
            return text.StartsWith(prefix, StringComparison.Ordinal) ? Path.GetFullPath(text[prefix.Length..].Trim(), root) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
