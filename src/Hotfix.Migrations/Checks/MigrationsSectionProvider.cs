using Hotfix.Migrations;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Reporting;

namespace Hotfix.Migrations.Checks;

internal sealed class MigrationsSectionProvider : IReportSectionProvider
{
    public ReportSection? Build(CheckContext context)
    {
        var fact = MigrationFact.Of(context);
        if (!fact.HasDatabaseChange)
        {
            return null;
        }

        var tests = context.Policy.Tests.Conditional.TryGetValue("database", out var list) && list.Count > 0 ? string.Join(", ", list) : "migration-up-down";
        return new MigrationsSection(fact.Migrations, fact.SchemaChangesWithoutMigration, tests);
    }
}
