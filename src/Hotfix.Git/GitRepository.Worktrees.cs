namespace Hotfix.Git;

/// <summary>The other working trees of this repository (<c>git worktree</c>) and the branches their HEADs are on.</summary>
internal sealed partial class GitRepository
{
    /// <summary>
    /// The directory shared by all working trees (refs, objects, config); for a linked working tree its own git
    /// directory names it in the <c>commondir</c> file, as git's gitrepository-layout describes.
    /// </summary>
    internal string CommonDirectory
    {
        get
        {
            var own = Path.TrimEndingDirectorySeparator(repository.Info.Path);
            var pointer = Path.Combine(own, "commondir");
            return File.Exists(pointer)
                ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(own, File.ReadAllText(pointer).Trim())))
                : own;
        }
    }

    public string? CheckedOutElsewhere(string localBranch)
    {
        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository.Info.Path));
        var wanted = "ref: refs/heads/" + localBranch;
        foreach (var (gitDirectory, workingTree) in WorkingTrees())
        {
            if (Path.TrimEndingDirectorySeparator(Path.GetFullPath(gitDirectory)) == own)
            {
                continue;
            }

            var head = Path.Combine(gitDirectory, "HEAD");
            if (File.Exists(head) && File.ReadAllText(head).Trim() == wanted)
            {
                return workingTree;
            }
        }

        return null;
    }

    /// <summary>Each working tree's git directory and folder: the main one, then those under <c>worktrees/</c>.</summary>
    private IEnumerable<(string GitDirectory, string WorkingTree)> WorkingTrees()
    {
        var common = CommonDirectory;
        if (Path.GetFileName(common) == ".git")
        {
            yield return (common, Path.GetDirectoryName(common)!);
        }

        var linked = Path.Combine(common, "worktrees");
        if (!Directory.Exists(linked))
        {
            yield break;
        }

        foreach (var gitDirectory in Directory.EnumerateDirectories(linked))
        {
            // "gitdir" holds the path of the working tree's .git file; a tree whose folder is gone still counts until
            // git worktree prune, as it does for git.
            var pointer = Path.Combine(gitDirectory, "gitdir");
            var workingTree = File.Exists(pointer) ? Path.GetDirectoryName(File.ReadAllText(pointer).Trim()) ?? gitDirectory : gitDirectory;
            yield return (gitDirectory, workingTree);
        }
    }
}
