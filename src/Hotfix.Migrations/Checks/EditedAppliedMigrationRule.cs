using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>HF2006 — the hotfix edits, renames or deletes a migration that already exists on main (it has run somewhere).</summary>
internal sealed class EditedAppliedMigrationRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.EditedAppliedMigration);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var fact = MigrationFact.Of(context);
        foreach (var migration in fact.Migrations.Where(m => m.ExistedOnMain))
        {
            var verb = migration.Change switch
            {
                FileChangeKind.Deleted => "deletes",
                FileChangeKind.Renamed => $"renames (from {migration.OldPath})",
                _ => "edits",
            };
            var findings = new MigrationFindings(Rule, migration);
            if (migration.ChangelogUntouched && migration.EditedIncludedFiles is [var file, ..])
            {
                // Only the SQL file changed: the finding sits on the file the reviewer sees in the diff.
                findings.Add(
                    $"The hotfix edits {file}, which the {migration.Framework.DisplayName()} changeset {migration.DisplayName} runs (sqlFile) and which already " +
                    "exists on main: Liquibase's checksum of that changeset covers the file, so every database that ran it fails validation on the next " +
                    "update (\"checksum changed\"), and fresh databases would run different SQL from production. Restore the file as it is on main and " +
                    "add a new changeset with the correction.",
                    file,
                    1);
                foreach (var finding in findings.Build())
                {
                    yield return finding;
                }

                continue;
            }

            findings.Add(
                $"The hotfix {verb} the {migration.Framework.DisplayName()} migration {migration.DisplayName}, which already exists on main: it has run on " +
                "databases that will never see this change, while new databases will — production and every fresh environment drift apart " +
                "(Flyway and Liquibase also fail their checksum validation). Never edit an applied migration: restore it as it is on main and " +
                "add a new migration with the correction.",
                migration.Path,
                migration.Line);
            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }
}
