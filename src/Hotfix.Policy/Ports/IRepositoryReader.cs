namespace Hotfix.Policy.Ports;

/// <summary>
/// Read access to the repository a hotfix lives in: where HEAD is and which branches exist. The git adapter
/// (Hotfix.Git) implements it with LibGit2Sharp; hosts and tests can supply their own.
/// Other repository capabilities (history, diffs, writes) are separate ports so each can be implemented alone.
/// </summary>
internal interface IRepositoryReader
{
    /// <summary>Absolute path of the working tree root.</summary>
    string Root { get; }

    HeadState Head { get; }

    /// <summary>
    /// A local branch by short name (e.g. <c>main</c>), else the remote-tracking branch of that name on
    /// <paramref name="remote"/>; null when neither exists.
    /// </summary>
    BranchRef? FindBranch(string name, string remote);
}

internal enum HeadKind
{
    /// <summary>HEAD points at a branch that has commits.</summary>
    Branch,

    /// <summary>HEAD points at a commit, not a branch (CI checkouts of pull requests often are).</summary>
    Detached,

    /// <summary>HEAD points at a branch with no commits yet (a fresh repository).</summary>
    Unborn,
}

/// <summary>Where HEAD is: a branch (with its tip), a detached commit, or an unborn branch (no commit).</summary>
internal sealed record HeadState(HeadKind Kind, string? BranchName, string? CommitSha);

/// <summary>A branch found in the repository.</summary>
/// <param name="Name">Short name as a person types it (main, hotfix/INC-2026-0042-x, origin/main).</param>
/// <param name="CanonicalName">Full ref name (refs/heads/main, refs/remotes/origin/main).</param>
/// <param name="TipSha">Full sha of the commit the branch points at.</param>
/// <param name="IsRemote">True for a remote-tracking branch.</param>
internal sealed record BranchRef(string Name, string CanonicalName, string TipSha, bool IsRemote);
