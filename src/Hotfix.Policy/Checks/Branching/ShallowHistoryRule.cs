using Hotfix.Policy.Findings;
using Hotfix.Policy.History;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>
/// HF0105 — "Hotfix branch created from main" cannot be verified in a shallow clone: the rule reports each question
/// the missing history leaves open as "unknown", with how to deepen — never as "not based on main" or "not merged".
/// <c>hotfix check</c> asks where the branch came from; <c>hotfix audit</c> supplies its own open questions.
/// </summary>
internal sealed class ShallowHistoryRule : ICheckRule
{
    private readonly Func<CheckContext, IEnumerable<string>> openQuestions;

    /// <summary>The rule as <c>hotfix check</c> runs it: is the branch based on main?</summary>
    public ShallowHistoryRule()
        : this(BranchQuestions)
    {
    }

    /// <param name="openQuestions">Each question the history could not answer, phrased "whether …".</param>
    public ShallowHistoryRule(Func<CheckContext, IEnumerable<string>> openQuestions)
    {
        this.openQuestions = openQuestions;
    }

    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.ShallowHistory);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var questions = openQuestions(context).ToList();
        if (questions.Count == 0)
        {
            yield break;
        }

        var history = context.Ports.Find<Ports.IHistoryReader>();
        var boundary = history?.ShallowBoundary ?? [];
        var cut = boundary.Count == 0
            ? string.Empty
            : " (history stops at " + string.Join(", ", boundary.Take(3).Select(s => s[..Math.Min(7, s.Length)])) + (boundary.Count > 3 ? ", …" : string.Empty) + ")";
        foreach (var question in questions)
        {
            yield return Rule.CreateFinding(
                $"unknown {question}: this clone is shallow{cut} and the commits needed to decide are not here. " +
                $"To decide, {ShallowHistory.HowToDeepen(context.Policy.Branches.Remote)}.");
        }
    }

    private static IEnumerable<string> BranchQuestions(CheckContext context)
    {
        var history = BranchHistory.Of(context);
        if (history.State == BranchHistoryState.TooShallow)
        {
            yield return $"whether the branch was created from {history.Main!.Name} (HF0102 and HF0103 were not decided)";
        }
    }
}
