namespace Hotfix.Policy.Ports;

/// <summary>Which branches exist (local and remote-tracking) and which remote branch a local branch follows.</summary>
internal interface IBranchCatalog
{
    /// <summary>Every local and remote-tracking branch with a commit (<c>git branch -a</c>).</summary>
    IReadOnlyList<BranchRef> ListBranches();

    /// <summary>The upstream of a local branch from <c>branch.NAME.remote</c>/<c>.merge</c>, or null when it has none.</summary>
    UpstreamRef? Upstream(string localBranch);

    /// <summary>
    /// The path of another working tree of this repository (<c>git worktree</c>) whose HEAD is on
    /// <paramref name="localBranch"/>, or null. Moving or deleting such a branch would change that tree's HEAD
    /// underneath it, which git refuses.
    /// </summary>
    string? CheckedOutElsewhere(string localBranch);
}

/// <summary>The remote branch a local branch follows.</summary>
/// <param name="Remote">Remote name, e.g. <c>origin</c>.</param>
/// <param name="RemoteUrl">Where the remote is, for messages; null when it is not configured.</param>
/// <param name="MergeRef">The branch on the remote, e.g. <c>refs/heads/main</c>.</param>
/// <param name="TrackingBranch">
/// The local remote-tracking branch that mirrors it, e.g. <c>origin/main</c>; null when the remote's fetch refspecs
/// do not map it.
/// </param>
internal sealed record UpstreamRef(string Remote, string? RemoteUrl, string MergeRef, string? TrackingBranch);
