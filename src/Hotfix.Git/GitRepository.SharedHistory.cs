using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>The handle history is read through: the working tree's own, or one on the common directory.</summary>
internal sealed partial class GitRepository
{
    private Repository? commonHandle;

    /// <summary>
    /// libgit2 (through 1.9) reads the <c>shallow</c> file from a working tree's own git directory, git from the
    /// common one (libgit2 pull request #7322). In a linked working tree of a shallow clone libgit2 therefore sees no
    /// boundary and fails "object not found" at the first missing parent of a walk or a merge-base search. Commits and
    /// refs are shared by all working trees, so such a tree reads history through a handle on the common directory,
    /// where libgit2 finds the file. HEAD and the index stay with <see cref="repository"/>: never ask this one for them.
    /// </summary>
    private Repository HistoryHandle => commonHandle ??= MissesSharedShallowFile() ? new Repository(CommonDirectory) : repository;

    private Repository? configHandle;

    /// <summary>
    /// The handle the shared configuration is read through (remotes, upstreams, identity, signing). LibGit2Sharp opened
    /// on a linked working tree reads the working tree's own git directory for it and finds no remote and no upstream
    /// there — so <c>start</c> in a worktree skipped the fetch of main and said "no remote 'origin'". git keeps that
    /// configuration in the common directory, which a handle on it reads.
    /// </summary>
    private Repository ConfigHandle => configHandle ??= IsLinkedWorkingTree() ? new Repository(CommonDirectory) : repository;

    private bool IsLinkedWorkingTree() =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository.Info.Path)) != Path.TrimEndingDirectorySeparator(Path.GetFullPath(CommonDirectory));

    private bool MissesSharedShallowFile()
    {
        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository.Info.Path));
        var common = CommonDirectory;
        return own != Path.GetFullPath(common)
            && File.Exists(Path.Combine(common, "shallow"))
            && !File.Exists(Path.Combine(own, "shallow"));
    }

    private void DisposeHistoryHandle()
    {
        if (commonHandle is not null && !ReferenceEquals(commonHandle, repository))
        {
            commonHandle.Dispose();
        }

        if (configHandle is not null && !ReferenceEquals(configHandle, repository))
        {
            configHandle.Dispose();
        }
    }
}
