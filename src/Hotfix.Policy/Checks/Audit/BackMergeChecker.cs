using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// Decides whether one hotfix's changes are on the back-merge target: ancestry first (cheap and exact), then patch
/// ids of every develop commit the hotfix's main parent does not have — per commit for cherry-picks, and the whole
/// change at once for squashes (compared with develop's single commits and with the changes develop's merges of the
/// same incident brought in). Patch ids are cached by the adapter, so older hotfixes reuse what newer ones computed.
/// </summary>
internal sealed class BackMergeChecker(IHistoryReader history, string developTip)
{
    public AuditedHotfix Judge(HotfixAudit.FoundHotfix found)
    {
        var main = found.MainCommit;
        var commits = found.Group ?? history.ListCommits(main.Parents[1], [main.Parents[0]]).Where(c => !c.IsMerge).ToList();
        var tip = found.Group is null ? main.Parents[1] : main.Sha;
        AuditedHotfix Verdict(BackMergeStatus status, IReadOnlyList<CommitInfo>? evidence = null, IReadOnlyList<CommitInfo>? missing = null) =>
            new(main, found.Incident, found.Branch, found.Landing, commits, status, evidence ?? [], missing ?? []);

        if (history.IsAncestor(tip, developTip))
        {
            return Verdict(BackMergeStatus.ByAncestry);
        }

        if (!ShallowHistory.CanDecide(history, tip, developTip, history.MergeBase(tip, developTip)))
        {
            return Verdict(BackMergeStatus.Unknown);
        }

        // Everything develop has that production did not have before this hotfix landed.
        var mainParent = found.Group is null ? main.Parents[0] : found.Group[^1].Parents.FirstOrDefault();
        var candidates = history.ListCommits(developTip, mainParent is null ? [] : [mainParent]);
        var byPatchId = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var id = candidate.IsMerge
                ? found.Incident is { } incident && candidate.Message.Contains(incident.ToString(), StringComparison.Ordinal)
                    ? BranchChange(candidate)
                    : null
                : Branching.BranchHistory.PatchIdOf(history, candidate);
            if (id is not null)
            {
                byPatchId.TryAdd(id, candidate);
            }
        }

        var whole = found.Group is null ? BranchChange(main) : history.PatchId(found.Group[^1].Parents.FirstOrDefault(), found.Group[0].Sha);
        if (whole is null || byPatchId.ContainsKey(whole))
        {
            return Verdict(BackMergeStatus.ByPatchId, whole is null ? [] : [byPatchId[whole]]);
        }

        var evidence = new List<CommitInfo>();
        var missing = new List<CommitInfo>();
        foreach (var commit in commits)
        {
            var id = Branching.BranchHistory.PatchIdOf(history, commit);
            if (id is null)
            {
                continue;
            }

            if (byPatchId.TryGetValue(id, out var copy))
            {
                evidence.Add(copy);
            }
            else
            {
                missing.Add(commit);
            }
        }

        return missing.Count == 0 && evidence.Count > 0
            ? Verdict(BackMergeStatus.ByPatchId, evidence)
            : Verdict(BackMergeStatus.Missing, evidence, missing.Count > 0 ? missing : commits);
    }

    /// <summary>What a merged branch changed: its tip against the merge base with the branch it was merged into.</summary>
    private string? BranchChange(CommitInfo merge)
    {
        var mergeBase = history.MergeBase(merge.Parents[0], merge.Parents[1]);
        return history.PatchId(mergeBase, merge.Parents[1]);
    }
}
