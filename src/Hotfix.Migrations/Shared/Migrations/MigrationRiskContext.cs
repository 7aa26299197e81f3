using System;
using System.Collections.Generic;
using System.Linq;

namespace Hotfix.Migrations;

/// <summary>
/// What the risk table needs to know beyond one operation: the database, and what the same migration created before
/// it (tables created in the same migration are empty, so locks and rewrites on them are free — every anchor exempts
/// them), and which constraints it added NOT VALID.
/// </summary>
internal sealed class MigrationRiskContext
{
    private readonly List<string> createdTables = new List<string>();
    private readonly HashSet<string> notValidConstraints = new HashSet<string>(StringComparer.Ordinal);

    public MigrationRiskContext(MigrationDatabase database)
    {
        Database = database;
    }

    public MigrationDatabase Database { get; }

    /// <summary>PostgreSQL rules apply on PostgreSQL and, stated as an assumption, when the database is not known.</summary>
    public bool IsPostgreSqlLike => Database == MigrationDatabase.PostgreSql || Database == MigrationDatabase.Unknown;

    /// <summary>A context for the operations of one migration direction, in order: <see cref="Observe"/> after assessing each.</summary>
    public static MigrationRiskContext For(MigrationDatabase database, IEnumerable<MigrationOperation> earlier)
    {
        var context = new MigrationRiskContext(database);
        foreach (var operation in earlier)
        {
            context.Observe(operation);
        }

        return context;
    }

    public bool CreatedInThisMigration(string? table) =>
        table != null && createdTables.Any(t => MigrationOperation.SameTable(t, table));

    public bool AddedNotValidInThisMigration(string? constraint) =>
        constraint != null && notValidConstraints.Contains(MigrationOperation.NormalizeName(constraint));

    /// <summary>Records what <paramref name="operation"/> created, for the operations after it.</summary>
    public void Observe(MigrationOperation operation)
    {
        if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table != null)
        {
            createdTables.Add(operation.Table);
        }
        else if (operation.Kind == MigrationOperationKind.RenameTable && operation.NewName != null && CreatedInThisMigration(operation.Table))
        {
            createdTables.Add(operation.NewName);
        }
        else if (operation.Kind == MigrationOperationKind.AddConstraint && operation.NotValid && operation.Name != null)
        {
            notValidConstraints.Add(MigrationOperation.NormalizeName(operation.Name));
        }
    }
}
