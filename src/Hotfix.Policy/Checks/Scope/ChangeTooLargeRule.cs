using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>HF1101 — "Is the change scoped tightly to the incident?": size against the severity's budget.</summary>
internal sealed class ChangeTooLargeRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.ChangeTooLarge);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is null && !analysis.ReaderMissing)
        {
            // Said once, here: every scope rule and the conditional tests depend on the change set.
            yield return Rule.CreateFinding(
                $"The change set could not be read: {analysis.UnavailableReason}. Scope (HF1101–HF1105), classification and " +
                "the conditional tests were not checked; review the change's size and kind by hand.") with { Severity = FindingSeverity.Warning };
            yield break;
        }

        if (analysis.Changes is null || EffectiveBudget.For(context) is not { } effective)
        {
            yield break;
        }

        var counts = ScopeCounts.Of(analysis);
        var budget = effective.Budget;
        if (counts.CountedFiles <= budget.Files && counts.CountedLines <= budget.Lines)
        {
            yield break;
        }

        var largest = analysis.Counted
            .OrderByDescending(f => f.Change.ChangedLines)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(3)
            .Select(f => $"{f.Path} ({f.Change.ChangedLines})");
        var severity = effective.Assumed
            ? $"for any severity (no --severity given; even the loosest budget, {effective.Severity.Name()}'s, is exceeded)"
            : $"for a {effective.Severity.Name()} hotfix";
        var reverted = RevertedCommits.Of(context);
        var advice = reverted.Count > 0
            ? $" It is a git revert of {string.Join(", ", reverted)}, already on main: if rolling that change back is the fix, record it: " +
              $"--allow {Rule.Id} --reason \"revert of {string.Join(", ", reverted)}\"."
            : " Move what the incident does not need to a follow-up branch, or record why it must ship together: " +
              $"--allow {Rule.Id} --reason \"…\".";
        var message =
            $"The change is too large {severity}: {counts.CountedFiles} files and {counts.CountedLines} changed lines, against a budget of " +
            $"{budget.Files} files and {budget.Lines} lines. Largest: {string.Join(", ", largest)}." +
            (counts.ApartFiles > 0 ? $" Counted apart, not against the budget: {counts.ApartText()}." : string.Empty) +
            advice;
        yield return Rule.CreateFinding(message);
    }
}
