using Hotfix.Policy.Ports;

namespace Hotfix.Policy.History;

/// <summary>A branch as the workflow compares against it: which ref was used and its tip.</summary>
/// <param name="Name">As a person types it: <c>main</c> or <c>origin/main</c>.</param>
/// <param name="TipSha">The commit it points at.</param>
internal sealed record BranchTip(string Name, string TipSha);

/// <summary>Finds the local and remote-tracking tips of a branch through the history port.</summary>
internal static class BranchTips
{
    /// <summary>The local branch, or null.</summary>
    public static BranchTip? Local(IHistoryReader history, string name) =>
        history.FindCommit("refs/heads/" + name) is { } c ? new BranchTip(name, c.Sha) : null;

    /// <summary>The remote-tracking branch <c>REMOTE/NAME</c>, or null.</summary>
    public static BranchTip? Tracking(IHistoryReader history, string name, string remote) =>
        history.FindCommit($"refs/remotes/{remote}/{name}") is { } c ? new BranchTip($"{remote}/{name}", c.Sha) : null;

    /// <summary>
    /// The most recent known state of a branch: the local branch, unless it is missing or strictly behind its
    /// remote-tracking branch (CI checkouts often have only <c>origin/main</c>, or a stale local <c>main</c>).
    /// </summary>
    public static BranchTip? Freshest(IHistoryReader history, string name, string remote)
    {
        var local = Local(history, name);
        var tracking = Tracking(history, name, remote);
        if (local is null || tracking is null)
        {
            return local ?? tracking;
        }

        return local.TipSha != tracking.TipSha && history.IsAncestor(local.TipSha, tracking.TipSha) ? tracking : local;
    }

    /// <summary>Every known tip of a branch (local and remote-tracking), without duplicates.</summary>
    public static IReadOnlyList<BranchTip> All(IHistoryReader history, string name, string remote) =>
        new[] { Local(history, name), Tracking(history, name, remote) }
            .OfType<BranchTip>()
            .DistinctBy(t => t.TipSha)
            .ToList();
}
