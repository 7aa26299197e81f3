using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reviews;

/// <summary>One thing wrong with a review record: the field (JSON path in the record), the rule it breaks, what is wrong.</summary>
public sealed record ReviewProblem(string Field, string RuleId, string Message)
{
    public override string ToString() => $"{RuleId} {Field}: {Message}";

    /// <summary>The problem as a finding of its rule (for <c>hotfix check</c>, <c>hotfix finish</c> and host reports).</summary>
    public Finding ToFinding() => RuleCatalogue.Get(RuleId).CreateFinding($"review record {Field}: {Message}");
}
