using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF0101: the branch under check is not a valid hotfix branch name.</summary>
    public const string BranchName = "HF0101";

    /// <summary>HF0102: the branch carries commits that are not on main — from develop, or cherry-picked from it.</summary>
    public const string NotBasedOnMain = "HF0102";

    /// <summary>HF0103: main has moved on since the branch point (information).</summary>
    public const string BaseBehindMain = "HF0103";

    /// <summary>HF0104: a hotfix on main never reached the back-merge target (hotfix audit).</summary>
    public const string MissingBackMerge = "HF0104";

    /// <summary>HF0105: the clone is too shallow to decide where the branch came from.</summary>
    public const string ShallowHistory = "HF0105";
}

static partial class RuleCatalogue
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
        rules.Add(new RuleDescriptor(
            RuleIds.NotBasedOnMain,
            "Hotfix branch not based on main",
            RuleCategory.Branching,
            FindingSeverity.Error,
            "The branch contains commits that are not on main and came from develop — it was branched from develop, develop " +
            "was merged into it, or a develop-only change was cherry-picked into it. Those unreleased changes would ship " +
            "to production with the fix.",
            "RULE: hotfix branches from main (production), NEVER from develop"));
        rules.Add(new RuleDescriptor(
            RuleIds.BaseBehindMain,
            "Hotfix base is behind main",
            RuleCategory.Branching,
            FindingSeverity.Info,
            "main has moved on since the hotfix branch was created, so the fix was built and tested on an older production " +
            "state than the one it will be merged into.",
            "FIX: always branch from main — main IS production"));
        rules.Add(new RuleDescriptor(
            RuleIds.MissingBackMerge,
            "Hotfix not merged back to develop",
            RuleCategory.Branching,
            FindingSeverity.Error,
            "A hotfix that reached main (merge, squash or rebase) never reached the back-merge target, by ancestry or by an " +
            "equal patch: the next release from develop would bring the incident back.",
            "RULE: after merge to main, ALSO merge to develop (prevent regression on next release)"));
        rules.Add(new RuleDescriptor(
            RuleIds.ShallowHistory,
            "History too shallow to decide",
            RuleCategory.Branching,
            FindingSeverity.Warning,
            "The clone is shallow and its history stops before the commits that connect the branch to main (or a hotfix to " +
            "develop), so whether the branch was created from main is unknown — reported as unknown, never as a verdict.",
            "Hotfix branch created from main"));
    }
}
