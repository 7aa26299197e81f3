using Hotfix.Migrations;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>HF2007 — the down of a new migration leaves part of the up in place, or undoes something the up never did.</summary>
internal sealed class DownDoesNotInvertUpRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.DownDoesNotInvertUp);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var migration in MigrationFact.Of(context).Migrations)
        {
            if (migration.ExistedOnMain || migration.Down.Status != DownStatus.DoesNotInvert)
            {
                continue;
            }

            var findings = new MigrationFindings(Rule, migration);
            foreach (var problem in migration.Down.Problems)
            {
                var path = problem.InDown ? migration.Down.Path ?? migration.Path : migration.Path;
                findings.Add(
                    $"The {migration.Framework.DisplayName()} migration's down does not invert its up: {problem.Message}. " +
                    "Make the down undo exactly what the up does (in reverse order), so that up, down, up returns the database to where it was.",
                    path,
                    problem.Line);
            }

            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }
}
