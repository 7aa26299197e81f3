using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// A local branch against its remote-tracking branch: ahead (unpushed commits), behind (not pulled), or both
/// (diverged) — the same test gitflow's require_branches_equal makes, with the fix spelled out.
/// </summary>
/// <param name="Branch">The local branch.</param>
/// <param name="Upstream">Its upstream configuration.</param>
/// <param name="TrackingBranch">The remote-tracking branch compared with (e.g. origin/main).</param>
/// <param name="Ahead">Local commits not on the remote-tracking branch.</param>
/// <param name="Behind">Remote commits not on the local branch.</param>
internal sealed record UpstreamState(string Branch, UpstreamRef Upstream, string TrackingBranch, int Ahead, int Behind)
{
    /// <summary>The branch against its upstream; null when it has none or the remote-tracking branch is not here.</summary>
    public static UpstreamState? Of(WorkflowPorts ports, BranchTip local)
    {
        if (ports.Branches.Upstream(local.Name) is not { TrackingBranch: { } tracking } upstream)
        {
            return null;
        }

        var reference = upstream.Remote == "." ? "refs/heads/" + tracking : "refs/remotes/" + tracking;
        if (ports.History.FindCommit(reference) is not { } remoteTip)
        {
            return null;
        }

        if (remoteTip.Sha == local.TipSha)
        {
            return new UpstreamState(local.Name, upstream, tracking, 0, 0);
        }

        var mergeBase = ports.History.MergeBase(local.TipSha, remoteTip.Sha);
        if (!ShallowHistory.CanDecide(ports.History, local.TipSha, remoteTip.Sha, mergeBase))
        {
            throw new HotfixOperationException(
                $"cannot tell whether {local.Name} is up to date with {tracking}: this clone is too shallow to compare them; {ShallowHistory.HowToDeepen(upstream.Remote)}",
                Preconditions.NothingChanged);
        }

        return new UpstreamState(
            local.Name,
            upstream,
            tracking,
            ports.History.CountCommits(local.TipSha, [remoteTip.Sha]),
            ports.History.CountCommits(remoteTip.Sha, [local.TipSha]));
    }

    /// <summary>Stops when the local branch is behind or has diverged; returns the warning for "ahead", if any.</summary>
    public string? RequireNotBehind(string why)
    {
        var remoteBranch = Upstream.MergeRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? Upstream.MergeRef["refs/heads/".Length..] : Upstream.MergeRef;
        if (Behind > 0 && Ahead == 0)
        {
            throw new HotfixOperationException(
                $"{Branch} is {Commits(Behind)} behind {TrackingBranch}: {why}. Update it first: " +
                $"git checkout {Branch} && git pull --ff-only {Upstream.Remote} {remoteBranch}",
                Preconditions.NothingChanged);
        }

        if (Behind > 0)
        {
            throw new HotfixOperationException(
                $"{Branch} and {TrackingBranch} have diverged ({Commits(Ahead)} only here, {Commits(Behind)} only on {Upstream.Remote}): {why}. " +
                $"Decide which is right — normally {TrackingBranch}, which is what was deployed — and make {Branch} match it " +
                $"(see both with: git log --oneline --left-right {Branch}...{TrackingBranch})",
                Preconditions.NothingChanged);
        }

        return Ahead > 0
            ? $"{Branch} has {Commits(Ahead)} not on {TrackingBranch} (not pushed yet); they become part of the hotfix's history — push them first if they belong in production"
            : null;
    }

    private static string Commits(int n) => n == 1 ? "1 commit" : $"{n} commits";
}
