using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

public static partial class RuleIds
{
    /// <summary>HF0101: the branch under check is not a valid hotfix branch name.</summary>
    public const string BranchName = "HF0101";
}

public static partial class RuleCatalogue
{
    static partial void AddBranching(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.BranchName,
            "Hotfix branch name",
            RuleCategory.Branching,
            FindingSeverity.Error,
            "The branch is not named hotfix/INC-YYYY-NNNN-short-description. The name carries the incident id that ties the " +
            "change, its review, its deployment and its rollback record together.",
            "RULE: branch naming: hotfix/INC-YYYY-NNNN-short-description"));
    }
}
