using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF1101: more changed files or lines than the policy allows for the incident's severity.</summary>
    public const string ChangeTooLarge = "HF1101";

    /// <summary>HF1102: a file or hunk whose change is only whitespace, line endings or import order.</summary>
    public const string FormattingOnly = "HF1102";

    /// <summary>HF1103: package versions added, removed or changed in manifests and lock files.</summary>
    public const string DependencyChange = "HF1103";

    /// <summary>HF1104: files in components outside the incident's declared scope.</summary>
    public const string OutsideIncidentScope = "HF1104";

    /// <summary>HF1105: renames and moves of unchanged code bundled into the hotfix.</summary>
    public const string UnrelatedRefactor = "HF1105";
}

static partial class RuleCatalogue
{
    private const string ScopeLine = "Is the change scoped tightly to the incident? (no unrelated changes bundled)";

    static partial void AddScope(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.ChangeTooLarge,
            "Change too large for its severity",
            RuleCategory.Scope,
            FindingSeverity.Error,
            "The hotfix changes more files or lines than the policy's budget for the incident's severity. An expedited " +
            "review (15 minutes at SEV1) cannot judge a large change; generated, vendored and lock files are counted apart.",
            ScopeLine));
        rules.Add(new RuleDescriptor(
            RuleIds.FormattingOnly,
            "Formatting-only change",
            RuleCategory.Scope,
            FindingSeverity.Warning,
            "A file or hunk changes only whitespace, line endings, blank lines or the order of imports. It changes no " +
            "behaviour, costs review time and merge conflicts, and belongs in a follow-up, not in a hotfix.",
            ScopeLine));
        rules.Add(new RuleDescriptor(
            RuleIds.DependencyChange,
            "Dependency change",
            RuleCategory.Scope,
            FindingSeverity.Warning,
            "A package manifest or lock file adds, removes or changes package versions. A dependency change ships code " +
            "nobody reviewed in the diff; the reviewer must confirm each one is needed for the incident.",
            ScopeLine));
        rules.Add(new RuleDescriptor(
            RuleIds.OutsideIncidentScope,
            "Change outside the incident's scope",
            RuleCategory.Scope,
            FindingSeverity.Error,
            "The hotfix touches files of components the incident did not declare (--scope). Changes bundled from other " +
            "parts of the system are unrelated to the incident and cannot be reverted on their own.",
            ScopeLine));
        rules.Add(new RuleDescriptor(
            RuleIds.UnrelatedRefactor,
            "Unrelated refactor",
            RuleCategory.Scope,
            FindingSeverity.Warning,
            "A file is renamed or moved without changes, or its change only moves blocks of unchanged code. Such " +
            "refactors hide the fix in the diff and belong in a follow-up.",
            ScopeLine));
    }
}
