using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Findings;
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
        foreach (var hotfix in audit.Hotfixes.Where(h => h.Status == BackMergeStatus.Missing))
        {
            var main = hotfix.MainCommit;
            var how = hotfix.Landing switch
            {
                HotfixLanding.Merge => $"merged into {audit.Main.Name} by {main.ShortSha} '{CommitLists.Printable(main.Subject)}'",
                HotfixLanding.Squash => $"landed on {audit.Main.Name} as {main.ShortSha} '{CommitLists.Printable(main.Subject)}'",
                _ => $"landed on {audit.Main.Name} as {CommitLists.Count(hotfix.Commits.Count, "commit")} ending at {main.ShortSha}",
            };
            var partly = hotfix.Evidence.Count > 0
                ? $" ({hotfix.Evidence.Count} of its changes are there as cherry-picks, these are not: {CommitLists.Describe(hotfix.MissingCommits)})"
                : string.Empty;
            var fix = hotfix.Landing == HotfixLanding.Merge
                ? $"git checkout {develop} && git merge --no-ff {hotfix.Tip[..7]}"
                : $"git checkout {develop} && git cherry-pick -x {string.Join(' ', hotfix.Commits.Reverse().Select(c => c.ShortSha))}";
            yield return Rule.CreateFinding(
                $"{hotfix.Label} ({how} on {main.CommitTime:yyyy-MM-dd}) never reached {develop}: neither its commits nor an equal " +
                $"patch are on {develop}{partly}. The next release would bring the incident back. Merge it back: {fix}");
        }
    }
}
