using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>How a hotfix reached main.</summary>
internal enum HotfixLanding
{
    /// <summary>A merge commit of the hotfix branch (git merge --no-ff, or a merge button).</summary>
    Merge,

    /// <summary>One commit carrying the incident id (a squash merge, or a single cherry-pick).</summary>
    Squash,

    /// <summary>Several consecutive commits carrying the same incident id (a rebase merge or a fast-forward).</summary>
    Rebase,
}

/// <summary>Whether a hotfix's changes reached the back-merge target.</summary>
internal enum BackMergeStatus
{
    /// <summary>The hotfix's commits are ancestors of develop (it was merged back).</summary>
    ByAncestry,

    /// <summary>develop has the same changes as other commits (cherry-picked or squashed back): equal patch ids.</summary>
    ByPatchId,

    /// <summary>The changes are not on develop.</summary>
    Missing,

    /// <summary>The shallow clone cannot tell (HF0105).</summary>
    Unknown,
}

/// <summary>One hotfix found on main's first-parent line and what the audit concluded about it.</summary>
/// <param name="MainCommit">The commit on main's first-parent line that brought it (the merge, or the newest commit).</param>
/// <param name="Incident">The incident id in the message or the merged branch's name; null when none is given.</param>
/// <param name="Branch">The merged branch, when the merge message names one.</param>
/// <param name="Landing">How it reached main.</param>
/// <param name="Commits">The hotfix's own commits (non-merge), newest first.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Evidence">develop commits with the same change, when <paramref name="Status"/> is <see cref="BackMergeStatus.ByPatchId"/>.</param>
/// <param name="MissingCommits">Hotfix commits whose change develop lacks, when <see cref="BackMergeStatus.Missing"/>.</param>
internal sealed record AuditedHotfix(
    CommitInfo MainCommit,
    IncidentId? Incident,
    string? Branch,
    HotfixLanding Landing,
    IReadOnlyList<CommitInfo> Commits,
    BackMergeStatus Status,
    IReadOnlyList<CommitInfo> Evidence,
    IReadOnlyList<CommitInfo> MissingCommits)
{
    /// <summary>
    /// For <see cref="BackMergeStatus.Missing"/>: the develop commits, newest first, that reverted the hotfix after it
    /// reached develop by ancestry (and are not reverted in turn, nor on main too); empty otherwise.
    /// </summary>
    public IReadOnlyList<CommitInfo> RevertedBy { get; init; } = [];

    /// <summary>The commit to merge or cherry-pick back: the hotfix branch tip for a merge, else the main commits.</summary>
    public string Tip => Landing == HotfixLanding.Merge ? MainCommit.Parents[1] : MainCommit.Sha;

    /// <summary>"INC-2026-0042", else the branch, else the commit — how messages name it.</summary>
    public string Label => Incident?.ToString() ?? Branch ?? MainCommit.ShortSha;
}
