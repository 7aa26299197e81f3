using System;
using System.Collections.Generic;
using System.Linq;

namespace Hotfix.Migrations;

/// <summary>
/// What the risk table needs to know beyond one operation: the database, and what the same migration created before
/// it (tables created in the same migration are empty, so locks and rewrites on them are free — every anchor exempts
/// them), which constraints it added NOT VALID, and which tables it copied. A migration is read as a sequence: what it
/// creates and then drops is a temporary, and a drop of a table whose rows it copied first is a rebuild.
/// </summary>
internal sealed class MigrationRiskContext
{
    private readonly List<string> createdTables = new List<string>();
    private readonly List<KeyValuePair<string, string>> addedColumns = new List<KeyValuePair<string, string>>();
    private readonly List<MigrationOperation> copies = new List<MigrationOperation>();
    private readonly HashSet<string> notValidConstraints = new HashSet<string>(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyCollection<string>?>? previousColumns;
    private readonly IReadOnlyList<MigrationOperation> sequence;
    private readonly NotNullChecks notNullChecks;
    private readonly Func<string, bool>? createdByHotfix;

    /// <param name="database">The database the migration runs on.</param>
    /// <param name="previousColumns">
    /// The columns a table had before this migration (from earlier migrations), or null when unknown; lets a table
    /// rebuild be judged on whether it carries every column over.
    /// </param>
    /// <param name="sequence">
    /// Every step of the migration, when the caller has them all: a copy followed by a drop is a rebuild only if the
    /// copy is then renamed to the dropped table's name, which comes after the drop.
    /// </param>
    /// <param name="checksBefore">The check constraints the earlier migrations left (null: unknown); not changed.</param>
    /// <param name="createdByHotfix">Whether an earlier migration of the same hotfix created a table (null: none known).</param>
    public MigrationRiskContext(
        MigrationDatabase database, Func<string, IReadOnlyCollection<string>?>? previousColumns = null, IReadOnlyList<MigrationOperation>? sequence = null,
        NotNullChecks? checksBefore = null, Func<string, bool>? createdByHotfix = null)
    {
        this.createdByHotfix = createdByHotfix;
        Database = database;
        this.previousColumns = previousColumns;
        this.sequence = sequence ?? Array.Empty<MigrationOperation>();
        notNullChecks = checksBefore?.Copy() ?? new NotNullChecks();
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

    /// <summary>
    /// The running version never had the table: this migration or an earlier one of the same hotfix created it, so
    /// dropping it (or a column of it) loses nothing the running version reads.
    /// </summary>
    public bool NewToRunningVersion(string? table) =>
        CreatedInThisMigration(table) || table != null && createdByHotfix != null && createdByHotfix(table);

    /// <summary>The column was added by an earlier step of this migration: it holds no data the running version wrote.</summary>
    public bool AddedInThisMigration(string? table, string? column) =>
        table != null && column != null && addedColumns.Any(c => MigrationOperation.SameTable(c.Key, table)
            && MigrationOperation.NormalizeName(c.Value) == MigrationOperation.NormalizeName(column));

    /// <summary>
    /// The copy that makes dropping <paramref name="table"/> a rebuild: an earlier <c>INSERT … SELECT … FROM table</c>
    /// into a table this migration created and later renames to <paramref name="table"/>. Null otherwise (a copy kept
    /// under another name is a backup: the table the running version reads is still gone).
    /// </summary>
    public MigrationOperation? CopyOf(string? table) =>
        table == null ? null : copies.LastOrDefault(c => MigrationOperation.SameTable(c.SourceTable, table)
            && sequence.Any(s => s.Kind == MigrationOperationKind.RenameTable && MigrationOperation.SameTable(s.Table, c.Table) && MigrationOperation.SameTable(s.NewName, table)));

    /// <summary>The columns <paramref name="table"/> had before this migration, when earlier migrations say.</summary>
    public IReadOnlyCollection<string>? ColumnsBefore(string? table) => table == null ? null : previousColumns?.Invoke(table);

    /// <summary>A validated check constraint (from an earlier migration or an earlier step) proves the column NOT NULL.</summary>
    public bool ProvenNotNull(string? table, string? column) => notNullChecks.ProveNotNull(table, column);

    public bool AddedNotValidInThisMigration(string? constraint) =>
        constraint != null && notValidConstraints.Contains(MigrationOperation.NormalizeName(constraint));

    /// <summary>Records what <paramref name="operation"/> created, for the operations after it.</summary>
    public void Observe(MigrationOperation operation)
    {
        notNullChecks.Observe(operation);
        if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table != null)
        {
            createdTables.Add(operation.Table);
        }
        else if (operation.Kind == MigrationOperationKind.CreateObject && operation.IsMaterializedView && operation.Name != null)
        {
            // Indexing a materialized view the migration creates (for REFRESH … CONCURRENTLY) blocks no reader yet.
            createdTables.Add(operation.Name);
        }
        else if (operation.Kind == MigrationOperationKind.RenameTable && operation.NewName != null && CreatedInThisMigration(operation.Table))
        {
            createdTables.Add(operation.NewName);
        }
        else if (operation.Kind == MigrationOperationKind.AddColumn && operation.Table != null && operation.Column != null)
        {
            addedColumns.Add(new KeyValuePair<string, string>(operation.Table, operation.Column));
        }
        else if (operation.Kind == MigrationOperationKind.InsertData && operation.SourceTable != null && CreatedInThisMigration(operation.Table))
        {
            copies.Add(operation);
        }
        else if (operation.Kind == MigrationOperationKind.AddConstraint && operation.NotValid && operation.Name != null)
        {
            notValidConstraints.Add(MigrationOperation.NormalizeName(operation.Name));
        }
    }
}
