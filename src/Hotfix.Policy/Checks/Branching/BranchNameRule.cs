using Hotfix.Policy.Branching;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>HF0101 — "RULE: branch naming: hotfix/INC-YYYY-NNNN-short-description".</summary>
internal sealed class BranchNameRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.BranchName);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var naming = context.Policy.Branches.Naming;
        var branch = context.Subject.BranchName;
        if (HotfixBranchName.TryParse(branch, naming, out _, out var problems))
        {
            yield break;
        }

        var message = $"'{Shorten(branch)}' is not a valid hotfix branch name: {string.Join("; ", problems)}. Expected {naming.ExpectedForm}.";
        var suggestion = HotfixBranchName.Suggest(branch, naming);
        if (suggestion is not null && suggestion != branch)
        {
            // Both names: 'git branch -m NEW' renames the branch checked out, which is main when --branch names another.
            message += $" Rename it with: git branch -m {branch} {suggestion}";
        }

        yield return Rule.CreateFinding(message);
    }

    // A 300-character name would drown the message; the start is enough to recognise it.
    private static string Shorten(string name) =>
        new(name.Length > 80 ? string.Concat(name.AsSpan(0, 77), "...") : name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
