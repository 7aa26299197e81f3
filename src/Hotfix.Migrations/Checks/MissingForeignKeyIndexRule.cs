using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// HF4004 — MUST_CHECK "Are there any obvious performance regressions? (… missing indexes)": a new migration adds a
/// foreign key or reference column, and no index starts with its column — not in that migration, not in another
/// migration of the hotfix, not in the earlier migrations of its folder — on a database that does not index foreign
/// keys itself. MySQL/MariaDB do, so nothing is reported there; an unknown database is treated as one that does not.
/// </summary>
internal sealed class MissingForeignKeyIndexRule : ICheckRule
{
    public RuleDescriptor Rule { get; } = RuleCatalogue.Get(RuleIds.MissingForeignKeyIndex);

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var relation in MigrationFact.Of(context).UnindexedRelations)
        {
            var fields = string.Join(", ", relation.Fields);
            yield return Rule.CreateFinding(
                $"The Prisma model {relation.Model} adds a relation to {relation.Referenced} on [{fields}] under relationMode = \"prisma\": no foreign key is " +
                $"created, so the database creates no index either, and no @@index starts with {relation.Fields[0]} — every lookup of a {relation.Model} by its " +
                $"{relation.Referenced}, and the emulated referential actions on every {relation.Referenced} delete, scan the table. Add `@@index([{fields}])` to the model " +
                "(Prisma's documentation requires it in this mode), then `prisma migrate dev`.",
                relation.Path,
                relation.Line);
        }

        var added = MigrationFact.Of(context).Migrations.Where(m => !m.ExistedOnMain && m.Change != FileChangeKind.Deleted).ToList();
        var hotfix = ForeignKeyIndexes.Coverage(added.SelectMany(m => m.Up));
        var created = added.SelectMany(m => m.Up).Where(o => o.Kind == MigrationOperationKind.CreateTable && o.Table is not null).Select(o => o.Table!).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < added.Count; i++)
        {
            var migration = added[i];
            if (ForeignKeyIndexes.DatabaseIndexesForeignKeys(migration.Database))
            {
                continue;
            }

            // The earlier migrations' indexes as this migration leaves them, and as the hotfix's later ones do: renamed
            // with a renamed column or table, gone when dropped. A key counts as served at either point.
            var later = added.Skip(i + 1).SelectMany(m => m.Up);
            var atThis = new Lazy<IndexCoverage?>(() => migration.IndexesBefore?.Invoke().After(migration.Up));
            var atEnd = new Lazy<IndexCoverage?>(() => atThis.Value?.After(later));
            var findings = new MigrationFindings(Rule, migration);
            foreach (var key in migration.Up.SelectMany(ForeignKeyIndexes.Declared))
            {
                var id = MigrationOperation.NormalizeName(key.Table).Split('.')[^1] + "." + MigrationOperation.NormalizeName(key.Columns[0]);
                if (hotfix.Covers(key) || atThis.Value?.Covers(key) == true || atEnd.Value?.Covers(key) == true || !reported.Add(id))
                {
                    continue;
                }

                var newTable = created.Any(t => MigrationOperation.SameTable(t, key.Table));
                findings.Add(Message(migration, key, newTable), migration.Path, key.Line);
            }

            foreach (var finding in findings.Build())
            {
                yield return finding;
            }
        }
    }

    private static string Message(DetectedMigration migration, DeclaredForeignKey key, bool newTable)
    {
        var parent = key.ReferencedTable is { Length: > 0 } p ? p : "the parent table";
        var what = key.Operation.Kind == MigrationOperationKind.AddColumn ? "reference column" : "foreign key";
        var database = migration.Database == MigrationDatabase.Unknown
            ? "The database is not known, so Hotfix assumes one that does not index foreign keys itself (PostgreSQL, SQL Server, SQLite, Oracle); MySQL/MariaDB (InnoDB) would create the index — if that is the database, waive this finding with that reason."
            : $"{Name(migration.Database)} does not create an index for a foreign key.";
        return $"The {migration.Framework.DisplayName()} migration adds the {what} {key.Object} → {parent}, and no index starts with {key.Columns[0]} " +
               $"(not in this migration, another migration of the hotfix, or an earlier migration): every join from {parent}, and every delete or key update " +
               $"of a {parent} row, scans {key.Table}. {database} Add the index: {ForeignKeyIndexAdvice.For(migration.Framework, migration.Database, key, newTable)}.";
    }

    private static string Name(MigrationDatabase database) => database switch
    {
        MigrationDatabase.PostgreSql => "PostgreSQL",
        MigrationDatabase.SqlServer => "SQL Server",
        MigrationDatabase.Sqlite => "SQLite",
        _ => MigrationNames.Of(database),
    };
}
