using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// HF0104 — "RULE: after merge to main, ALSO merge to develop (prevent regression on next release)": a hotfix on main
/// whose changes never reached the back-merge target, whether it was finished by hand, by hotfix finish or by a
/// button on a code host.
/// </summary>
internal sealed class MissingBackMergeRule(DateTimeOffset? since) : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.MissingBackMerge);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var audit = HotfixAudit.Of(context, since);
        var develop = audit.BackMergeTarget.Name;
        var checkout = Checkout(context, audit.BackMergeTarget);
        foreach (var hotfix in audit.Hotfixes.Where(h => h.Status == BackMergeStatus.Missing))
        {
            var main = hotfix.MainCommit;
            var how = hotfix.Landing switch
            {
                HotfixLanding.Merge => $"merged into {audit.Main.Name} by {main.ShortSha} '{CommitLists.Printable(main.Subject)}'",
                HotfixLanding.Squash => $"landed on {audit.Main.Name} as {main.ShortSha} '{CommitLists.Printable(main.Subject)}'",
                _ => $"landed on {audit.Main.Name} as {CommitLists.Count(hotfix.Commits.Count, "commit")} ending at {main.ShortSha}",
            };
            if (hotfix.RevertedBy is [var revert, ..])
            {
                // Merging the branch again does nothing (its commits are there); reverting the revert brings the change back.
                yield return Rule.CreateFinding(
                    $"{hotfix.Label} ({how} on {AuditDates.Day(main.CommitTime)}) reached {develop} but was reverted there by {revert.ShortSha} '{CommitLists.Printable(revert.Subject)}'" +
                    $"{(hotfix.RevertedBy.Count > 1 ? $" (and {CommitLists.Describe(hotfix.RevertedBy.Skip(1).ToList())})" : string.Empty)}: {develop} no longer has its change. " +
                    $"The next release would bring the incident back. Bring it back: {checkout} && git revert {string.Join(' ', hotfix.RevertedBy.Select(c => c.ShortSha))}");
                continue;
            }

            var lacks = Lacks(hotfix, develop);
            // Only what develop lacks: picking a commit it already has stops git with "now empty".
            var missing = hotfix.MissingCommits.Count > 0 ? hotfix.MissingCommits : hotfix.Commits;
            var fix = hotfix.Landing == HotfixLanding.Merge
                ? $"{checkout} && git merge --no-ff {hotfix.Tip[..7]}"
                : $"{checkout} && git cherry-pick -x {string.Join(' ', missing.Reverse().Select(c => c.ShortSha))}";
            yield return Rule.CreateFinding(
                $"{hotfix.Label} ({how} on {AuditDates.Day(main.CommitTime)}) never {(hotfix.Evidence.Count > 0 ? "fully " : string.Empty)}reached {develop}: " +
                $"{lacks}. The next release would bring the incident back. Merge it back: {fix}");
        }
    }

    /// <summary>
    /// How to get onto the back-merge target to merge into it. Checking out <c>origin/develop</c> detaches HEAD, and
    /// the merge would land on no branch; <c>git checkout develop</c> creates the local branch from it. A local develop
    /// behind <c>origin/develop</c> is brought up to date first, or the push would be rejected.
    /// </summary>
    private static string Checkout(CheckContext context, BranchTip target)
    {
        var name = context.Policy.Branches.BackMergeTarget;
        if (target.Name == name)
        {
            return $"git checkout {name}";
        }

        var stale = context.Ports.Find<IHistoryReader>() is { } history && BranchTips.Local(history, name) is not null;
        return stale ? $"git checkout {name} && git merge --ff-only {target.Name}" : $"git checkout {name}";
    }

    /// <summary>
    /// What develop lacks, and what it already has and how — the very same commit (merged or fast-forwarded) or an equal
    /// patch (a cherry-pick) — so the message never calls the same commit a copy of itself.
    /// </summary>
    private static string Lacks(AuditedHotfix hotfix, string develop)
    {
        if (hotfix.Evidence.Count == 0)
        {
            return $"neither its commits nor an equal patch are on {develop}";
        }

        // Evidence lists, in the order of the hotfix's commits, the develop commit that carries each one that is there.
        var there = hotfix.Commits.Where(c => hotfix.MissingCommits.All(m => m.Sha != c.Sha)).Zip(hotfix.Evidence).ToList();
        var same = there.Where(p => p.First.Sha == p.Second.Sha).Select(p => p.First).ToList();
        var equal = there.Where(p => p.First.Sha != p.Second.Sha).ToList();
        var parts = new List<string>();
        if (same.Count > 0)
        {
            parts.Add($"{CommitLists.Count(same.Count, "commit")} as the same commit ({CommitLists.Describe(same)})");
        }

        if (equal.Count > 0)
        {
            parts.Add($"{CommitLists.Count(equal.Count, "commit")} as an equal patch ({string.Join("; ", equal.Take(5).Select(p => $"{p.First.ShortSha} = {p.Second.ShortSha} on {develop}"))}{(equal.Count > 5 ? $"; … and {equal.Count - 5} more" : string.Empty)})");
        }

        return $"{develop} has {string.Join(" and ", parts)}, but not {CommitLists.Describe(hotfix.MissingCommits)}";
    }
}
