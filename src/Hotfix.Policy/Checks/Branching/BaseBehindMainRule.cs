using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>HF0103 — "FIX: always branch from main — main IS production": main moved on since the branch point.</summary>
internal sealed class BaseBehindMainRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.BaseBehindMain);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var history = BranchHistory.Of(context);
        if (history.State != BranchHistoryState.Compared || history.Behind == 0)
        {
            yield break;
        }

        var main = history.Main!;
        yield return Rule.CreateFinding(
            $"{main.Name} ({main.TipSha[..7]}) has {CommitLists.Count(history.Behind, "commit")} that this branch does not: " +
            $"it moved on since the branch point {history.BaseCommit![..7]}, so the fix was tested against an older production " +
            $"state. Bring them in before finishing: git merge {main.Name} (or git rebase {main.Name}).");
    }
}
