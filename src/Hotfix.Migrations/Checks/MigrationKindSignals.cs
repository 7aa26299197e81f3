using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Policies;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// Every migration the migrations module recognised marks the change as a database change, with the framework as the
/// reason — also where path globs and content signals miss it (a Flyway folder moved by flyway.conf, a Liquibase
/// changelog in XML, a drizzle folder moved by drizzle.config). The test plan then requires migration-up-down.
/// </summary>
internal sealed class MigrationKindSignals : IChangeKindSignalProvider
{
    public IEnumerable<ChangeKindSignal> Signals(CheckContext context)
    {
        var fact = MigrationFact.Of(context);
        foreach (var migration in fact.Migrations)
        {
            var verb = migration.Change switch
            {
                FileChangeKind.Added => "adds",
                FileChangeKind.Deleted => "deletes",
                FileChangeKind.Renamed => "renames",
                _ => "edits",
            };
            var framework = migration.Framework.DisplayName();
            var article = "AEIOU".Contains(char.ToUpperInvariant(framework[0])) ? "an" : "a";
            yield return new ChangeKindSignal(ChangeKinds.Database, $"{verb} {article} {framework} migration", migration.Path);
        }

        foreach (var schema in fact.SchemaChangesWithoutMigration)
        {
            yield return new ChangeKindSignal(ChangeKinds.Database, $"{schema.What} changed without a migration", schema.Path);
        }
    }
}
