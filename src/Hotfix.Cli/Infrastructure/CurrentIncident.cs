using Hotfix.Git;
using Hotfix.Policy.Branching;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The incident a command is about when the user did not name it: the one the checked-out hotfix branch names
/// (<c>hotfix/INC-2026-0042-…</c>). Commands fall back to it so a hint printed on the branch can be pasted as is.
/// </summary>
internal static class CurrentIncident
{
    /// <summary>
    /// <paramref name="given"/> parsed when it was given (exit 2 when malformed); else the incident of the hotfix branch
    /// checked out in the repository (--repo or the current directory); else null.
    /// </summary>
    public static IncidentId? Resolve(CliEnvironment environment, string? given, string optionName, string? repoOption, HotfixPolicy policy)
    {
        if (given is not null)
        {
            return Inputs.Incident(given, optionName);
        }

        return FromBranch(environment, repoOption, policy);
    }

    /// <summary>The incident of the checked-out hotfix branch, or null outside a repository or on any other branch.</summary>
    public static IncidentId? FromBranch(CliEnvironment environment, string? repoOption, HotfixPolicy policy)
    {
        var start = repoOption is null ? environment.CurrentDirectory : environment.Resolve(repoOption);
        if (repoOption is null)
        {
            // The branch name from the files, without libgit2 (see GitWorkingTrees).
            return GitWorkingTrees.FindRoot(start) is { } root ? FromBranchName(GitWorkingTrees.HeadBranch(root), policy) : null;
        }

        if (GitRepository.Discover(start) is null)
        {
            return null;
        }

        using var repository = GitRepository.Open(start, repoOption is null ? "current directory" : "--repo", repoOption);
        return FromHead(repository.Head, policy);
    }

    /// <summary>The incident HEAD's branch names, when HEAD is on a hotfix branch.</summary>
    public static IncidentId? FromHead(HeadState head, HotfixPolicy policy) =>
        head.Kind == HeadKind.Detached ? null : FromBranchName(head.BranchName, policy);

    /// <summary>The incident a hotfix branch's name carries, or null for any other name.</summary>
    public static IncidentId? FromBranchName(string? branchName, HotfixPolicy policy) =>
        branchName is not null && HotfixBranchName.TryParse(branchName, policy.Branches.Naming, out var branch, out _)
            ? branch.Incident
            : null;
}
