using System.Collections.Generic;
using Hotfix.Migrations;
using Hotfix.Migrations.Sql;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>What one <c>migrationBuilder</c> call of an EF Core migration does, as operations of the shared risk table.</summary>
internal static class EfMigrationSteps
{
    /// <summary>
    /// The call's own operation, or for <c>migrationBuilder.Sql("…")</c> one per statement of its SQL text — read as
    /// <c>hotfix check</c> reads it, with the shared splitter and recogniser (the CLI reads T-SQL with Microsoft's
    /// ScriptDom, which this package does not carry; the statements the risk table judges read the same in both). SQL
    /// that is not a literal (a resource, a file read at run time) gives nothing, as in the CLI.
    /// </summary>
    public static IEnumerable<MigrationOperation> Operations(EfMigrationCall step, MigrationDatabase database)
    {
        if (step.Operation.Kind != MigrationOperationKind.RawSql)
        {
            return new[] { step.Operation };
        }

        var sql = step.Operation.Text;
        if (string.IsNullOrWhiteSpace(sql))
        {
            return new MigrationOperation[0];
        }

        var dialect = database == MigrationDatabase.Unknown ? SqlDialectGuess.FromText(sql!) : database;
        return new TolerantSqlParser(dialect).Parse(sql!);
    }
}
