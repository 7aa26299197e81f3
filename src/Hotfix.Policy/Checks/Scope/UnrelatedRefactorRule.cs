using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>HF1105 — pure renames and moves of unchanged blocks, refactors that have no place in a hotfix.</summary>
internal sealed class UnrelatedRefactorRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.UnrelatedRefactor);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is null)
        {
            yield break;
        }

        foreach (var move in analysis.Moves)
        {
            var change = analysis.Changes.Find(move.Path)!;
            if (move.IsPureRename)
            {
                yield return Rule.CreateFinding(
                    $"Renamed from {change.OldPath} without any change: a pure move is a refactor that does not fix the incident. Undo it " +
                    $"(git mv {FormattingOnlyRule.Quote(move.Path)} {FormattingOnlyRule.Quote(change.OldPath!)}) and move the file in a follow-up.",
                    move.Path);
                continue;
            }

            var where = move.Counterparts.Count == 0
                ? "within the file"
                : (change.Kind == Changes.FileChangeKind.Added ? "from " : change.Kind == Changes.FileChangeKind.Deleted ? "to " : "to or from ") + string.Join(", ", move.Counterparts);
            yield return Rule.CreateFinding(
                $"The whole change to this file moves {move.MovedLines} lines of unchanged code {where}: a refactor that does not fix the incident. " +
                "Leave the code where it was and move it in a follow-up.",
                move.Path);
        }
    }
}
