using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reviews;

/// <summary>One thing wrong with a review record: the field (JSON path in the record), the rule it breaks, what is wrong.</summary>
/// <param name="Field">Where in the record, as a JSON path (e.g. <c>$.followUp.due</c>).</param>
/// <param name="RuleId">The rule the record breaks (its page is in docs/rules).</param>
/// <param name="Message">What is wrong and what the runbook expects.</param>
public sealed record ReviewProblem(string Field, string RuleId, string Message)
{
    /// <summary>"RULE field: message", for listing problems.</summary>
    public override string ToString() => $"{RuleId} {Field}: {Message}";

    /// <summary>The problem as a finding of its rule (for <c>hotfix check</c>, <c>hotfix finish</c> and host reports).</summary>
    public Finding ToFinding() => RuleCatalogue.Get(RuleId).CreateFinding($"review record {Field}: {Message}");
}
