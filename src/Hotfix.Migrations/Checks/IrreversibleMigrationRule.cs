using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// HF2003 — a new migration without a working down: missing, empty, raising or irreversible. Frameworks without down
/// migrations (drizzle-kit, Prisma) and optional undo scripts (Flyway) are reported as info: the runbook's answer there
/// is a forward migration, and the finding says so.
/// </summary>
internal sealed class IrreversibleMigrationRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.IrreversibleMigration);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var migration in MigrationFact.Of(context).Migrations)
        {
            if (migration.ExistedOnMain || migration.Change == FileChangeKind.Deleted)
            {
                continue;
            }

            var down = migration.Down;
            var findings = new MigrationFindings(Rule, migration);
            var name = migration.Framework.DisplayName();
            switch (down.Status)
            {
                case DownStatus.NotSupported:
                    findings.Add($"The {name} migration cannot be migrated down: {down.Detail}.", migration.Path, migration.Line, FindingSeverity.Info);
                    break;
                case DownStatus.Missing when migration.Framework.Downs() == DownSupport.Optional:
                    findings.Add($"The {name} migration has {down.Detail}: it cannot be tested down; if it must be undone, the runbook's answer is a forward migration that undoes the change.", migration.Path, migration.Line, FindingSeverity.Info);
                    break;
                case DownStatus.Missing:
                case DownStatus.Empty:
                case DownStatus.Irreversible:
                    var what = down.Status switch
                    {
                        DownStatus.Missing => "has no down",
                        DownStatus.Empty => "has an empty down",
                        _ => "cannot be reversed",
                    };
                    findings.Add(
                        $"The {name} migration {what}: {down.Detail}. The runbook requires testing the migration down; write a down that undoes each step of the up " +
                        "(or, where undoing would lose data, document the forward migration that would undo it).",
                        down.Path ?? migration.Path,
                        down.Line ?? migration.Line);
                    break;
            }

            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }
}
