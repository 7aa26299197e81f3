using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// The rules that judge the up steps of new migrations with the shared risk table: each matching row is a finding of
/// its rule, with the reason and the safe alternative. Migrations already on main are judged by HF2006 instead (their
/// steps have run), and a down is judged by HF2007, since undoing its own up is what a down is for.
/// </summary>
internal abstract class MigrationRiskRule(string ruleId) : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(ruleId);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var migration in MigrationFact.Of(context).Migrations)
        {
            if (migration.ExistedOnMain || migration.Change == FileChangeKind.Deleted)
            {
                continue;
            }

            var findings = new MigrationFindings(Rule, migration);
            for (var k = 0; k < migration.Up.Count; k++)
            {
                foreach (var risk in migration.Risks[k].Where(r => r.RuleId == Rule.Id))
                {
                    findings.Add(Message(migration, migration.Up[k], risk), migration.Path, migration.Up[k].Line);
                }
            }

            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }

    private static string Message(DetectedMigration migration, MigrationOperation operation, MigrationRisk risk)
    {
        var where = migration.Id is null ? string.Empty : $" (changeset {migration.Id})";
        return $"The {migration.Framework.DisplayName()} migration{where} {risk.Reason} [{risk.RowId}]. Safe alternative: {risk.Recipe.Summary}";
    }
}

/// <summary>HF2002 — destructive steps: drop table/column/schema, truncate, lossy type change.</summary>
internal sealed class DestructiveMigrationRule() : MigrationRiskRule(RuleIds.DestructiveMigration);

/// <summary>HF2004 — steps that break the running version: renames, NOT NULL without default, dropped NOT NULL.</summary>
internal sealed class BackwardIncompatibleMigrationRule() : MigrationRiskRule(RuleIds.BackwardIncompatibleMigration);

/// <summary>HF2005 — steps that lock or rewrite production tables (tables created by the same migration are exempt).</summary>
internal sealed class LockingMigrationRule() : MigrationRiskRule(RuleIds.LockingMigration);

/// <summary>HF2008 — UPDATE/DELETE of every row inside a migration.</summary>
internal sealed class UnboundedMigrationDataChangeRule() : MigrationRiskRule(RuleIds.UnboundedMigrationDataChange);
