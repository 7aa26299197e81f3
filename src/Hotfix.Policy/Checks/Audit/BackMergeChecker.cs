using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// Decides whether one hotfix's changes are on the back-merge target: ancestry first (one walk of develop answers it
/// for every hotfix), then patch ids of the develop commits production did not have before the hotfix — per commit
/// for cherry-picks, and the whole change at once for squashes (compared with develop's single commits and with the
/// change develop's merges of the same incident brought in) — and develop commits whose "(cherry picked from commit
/// …)" line names a hotfix commit.
/// </summary>
internal sealed class BackMergeChecker(IHistoryReader history, string developTip, string mainTip)
{
    /// <summary>
    /// How far before a hotfix's own commits a develop copy of its change is looked for. A copy cannot be older than
    /// the change it copies, but a rebase or squash gives the commit on main a later date than the one that was
    /// copied; a hotfix branch does not live for months, so the bound only spares the audit from reading all of
    /// develop's history for every squashed hotfix.
    /// </summary>
    public static readonly TimeSpan CopyWindow = TimeSpan.FromDays(90);

    private readonly CandidatePaths candidatePaths = new(history);
    private readonly DevelopHistory develop = new(history, developTip);
    private DevelopReverts? reverts;

    public AuditedHotfix Judge(HotfixAudit.FoundHotfix found)
    {
        var main = found.MainCommit;
        var isMerge = found.Group is null;
        var commits = isMerge ? history.ListCommits(main.Parents[1], [main.Parents[0]]).Where(c => !c.IsMerge).ToList() : found.Group!;
        var tip = isMerge ? main.Parents[1] : main.Sha;
        IReadOnlyList<CommitInfo> revertedBy = [];
        AuditedHotfix Verdict(BackMergeStatus status, IReadOnlyList<CommitInfo>? evidence = null, IReadOnlyList<CommitInfo>? missing = null) =>
            new(main, found.Incident, found.Branch, found.Landing, commits, status, evidence ?? [], missing ?? [])
            {
                RevertedBy = status == BackMergeStatus.Missing ? revertedBy : [],
            };

        if (develop.Reachable.Contains(tip))
        {
            revertedBy = (reverts ??= new(history, develop, mainTip)).Undoing(tip, commits);
            if (revertedBy.Count == 0)
            {
                return Verdict(BackMergeStatus.ByAncestry);
            }
        }
        else if (history.ShallowBoundary.Count > 0 && !ShallowHistory.CanDecide(history, tip, developTip, history.MergeBase(tip, developTip)))
        {
            // The merge base matters only to a shallow clone; computing it walks develop down to where main forked.
            return Verdict(BackMergeStatus.Unknown);
        }

        var mainParent = isMerge ? main.Parents[0] : found.Group![^1].Parents.FirstOrDefault();
        var whole = isMerge ? BranchChange(main) : new Change(mainParent, main.Sha);
        var matcher = new PatchMatcher(history, [whole, .. commits.Select(Change.Of)], candidatePaths);
        if (matcher.IsEmpty)
        {
            return Verdict(BackMergeStatus.ByPatchId);
        }

        // Everything develop has that production did not have before this hotfix landed, newest first, back to the window;
        // after a revert that took it out, only what came since (a copy the revert undid is no copy).
        var windowStart = commits.Select(c => c.CommitTime).Append(main.CommitTime).Min() - CopyWindow;
        var copies = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        foreach (var candidate in develop.Without(revertedBy is [var newest, ..] ? newest.Sha : mainParent))
        {
            if (candidate.CommitTime < windowStart)
            {
                break;
            }

            var change = candidate.IsMerge
                ? found.Incident is { } incident && candidate.Message.Contains(incident.ToString(), StringComparison.Ordinal) ? BranchChange(candidate) : null
                : Change.Of(candidate);
            if (change is null)
            {
                continue;
            }

            // A pick with -x that had to adapt to develop (a line changed nearby) has another patch id; its line still
            // says which hotfix commit it brings.
            foreach (var source in CherryPickTrailers.Sources(candidate.Message))
            {
                if (!candidate.IsMerge && commits.Any(c => c.Sha == source))
                {
                    copies.TryAdd(source, candidate);
                }
            }

            foreach (var match in matcher.Matches(change))
            {
                if (match == whole)
                {
                    return Verdict(BackMergeStatus.ByPatchId, [candidate]);
                }

                copies.TryAdd(match.To, candidate);
            }
        }

        var missing = commits.Where(c => !copies.ContainsKey(c.Sha)).ToList();
        var evidence = commits.Where(c => copies.ContainsKey(c.Sha)).Select(c => copies[c.Sha]).ToList();
        return missing.Count == 0 && evidence.Count > 0
            ? Verdict(BackMergeStatus.ByPatchId, evidence)
            : Verdict(BackMergeStatus.Missing, evidence, missing.Count > 0 ? missing : commits);
    }

    /// <summary>What a merged branch changed: its tip against the merge base with the branch it was merged into.</summary>
    private Change BranchChange(CommitInfo merge) => new(history.MergeBase(merge.Parents[0], merge.Parents[1]), merge.Parents[1]);
}
