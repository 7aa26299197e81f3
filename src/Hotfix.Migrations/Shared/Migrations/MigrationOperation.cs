using System;
using System.Collections.Generic;

namespace Hotfix.Migrations;

/// <summary>
/// One step of a migration in the framework-independent model. Readers fill what their source says; a property the
/// source does not state stays null (unknown), which the risk table treats as "cannot prove it safe" only where a
/// careful reviewer would.
/// </summary>
/// <remarks>A plain class with setters (not a record) because this file is compiled into the netstandard2.0 analyzers too.</remarks>
internal sealed class MigrationOperation
{
    public MigrationOperation(MigrationOperationKind kind)
    {
        Kind = kind;
    }

    public MigrationOperationKind Kind { get; }

    public string? Schema { get; set; }

    public string? Table { get; set; }

    public string? Column { get; set; }

    /// <summary>Name of the index, constraint, schema or other object the step is about.</summary>
    public string? Name { get; set; }

    /// <summary>The new name of a rename.</summary>
    public string? NewName { get; set; }

    /// <summary>For Create/Drop/AlterObject: view, sequence, type, function, trigger, extension, database…</summary>
    public string? ObjectType { get; set; }

    public ConstraintKind Constraint { get; set; }

    public bool Unique { get; set; }

    /// <summary>PostgreSQL <c>CONCURRENTLY</c> (or the framework's way of asking for it).</summary>
    public bool Concurrently { get; set; }

    /// <summary>SQL Server <c>ONLINE = ON</c>.</summary>
    public bool Online { get; set; }

    /// <summary>PostgreSQL <c>NOT VALID</c> (Rails <c>validate: false</c>, SQL Server <c>WITH NOCHECK</c>).</summary>
    public bool NotValid { get; set; }

    /// <summary>The constraint is built from an existing index (<c>USING INDEX</c>): no table scan, no index build.</summary>
    public bool UsingIndex { get; set; }

    /// <summary>
    /// The index a constraint is built from (<c>USING INDEX name</c>), when the source names it. The constraint takes it
    /// over: its columns are the index's, and dropping the constraint drops the index.
    /// </summary>
    public string? IndexName { get; set; }

    public bool Cascade { get; set; }

    /// <summary>CreateTable of a <c>TEMPORARY</c> table: the session (or <c>ON COMMIT DROP</c>) removes it, nothing to undo.</summary>
    public bool Temporary { get; set; }

    /// <summary>Column type before the step, when the source states it (EF <c>oldType</c>, Alembic <c>existing_type</c>…).</summary>
    public string? OldType { get; set; }

    /// <summary>Column type after the step (for AddColumn: the column's type).</summary>
    public string? NewType { get; set; }

    public bool? OldNullable { get; set; }

    /// <summary>
    /// AlterColumn that restates the column's whole definition (Django's <c>AlterField</c>, MySQL's <c>MODIFY</c> and
    /// <c>CHANGE</c>): its nullability is a change only where the previous one is known. An AddConstraint or CreateIndex
    /// such a definition declares (<c>AlterField(…, unique=True)</c>) is built only where the earlier definition lacked it.
    /// </summary>
    public bool RestatesDefinition { get; set; }

    /// <summary>Nullability after the step: false = NOT NULL, true = NULL allowed.</summary>
    public bool? NewNullable { get; set; }

    /// <summary>The column gets a database default (for AddColumn: whether it has one).</summary>
    public bool? HasDefault { get; set; }

    /// <summary>The default's expression, when known (a volatile one rewrites the table).</summary>
    public string? DefaultExpression { get; set; }

    /// <summary>A stored generated/computed column (computed for every existing row).</summary>
    public bool GeneratedStored { get; set; }

    /// <summary>For UpdateData/DeleteData: the statement limits its rows (a WHERE or a key); false = every row.</summary>
    public bool? HasWhere { get; set; }

    /// <summary>MySQL <c>ALGORITHM=COPY</c> or <c>LOCK=SHARED|EXCLUSIVE</c>.</summary>
    public bool CopiesTable { get; set; }

    /// <summary>
    /// CreateTable: the columns it defines; InsertData: the columns it fills. Null when the source does not list them.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; set; }

    /// <summary>CreateTable: the type of each of <see cref="Columns"/> (same order; null where the source does not say).</summary>
    public IReadOnlyList<string?>? ColumnTypes { get; set; }

    /// <summary>CreateTable: whether each of <see cref="Columns"/> allows NULL (same order; null where the reader cannot tell).</summary>
    public IReadOnlyList<bool?>? ColumnNullables { get; set; }

    /// <summary>
    /// An enum type's labels: CreateObject of a type (<c>CREATE TYPE t AS ENUM ('a', 'b')</c>) — all of them; AlterObject
    /// of a type (<c>ALTER TYPE t ADD VALUE 'c'</c>) — the one added, or with <see cref="RenamesEnumLabel"/> the old and
    /// the new name of a renamed one.
    /// </summary>
    public IReadOnlyList<string>? EnumLabels { get; set; }

    /// <summary>AlterObject of an enum type that renames one of its labels (<c>ALTER TYPE t RENAME VALUE 'a' TO 'b'</c>).</summary>
    public bool RenamesEnumLabel { get; set; }

    /// <summary>InsertData from a query (<c>INSERT … SELECT … FROM t</c>): the table whose rows are copied.</summary>
    public string? SourceTable { get; set; }

    /// <summary>
    /// InsertData from a query: the source columns its select list reads (<c>*</c> for all of them). With
    /// <see cref="SourceTable"/> this tells a table rebuild that carries every column from one that loses some.
    /// </summary>
    public IReadOnlyList<string>? SourceColumns { get; set; }

    /// <summary>
    /// CreateIndex and AddConstraint: the columns of the index or key in order, the leading one first; null when the
    /// source does not say. An expression part is kept as its text in parentheses, so it never matches a column.
    /// </summary>
    public IReadOnlyList<string>? KeyColumns { get; set; }

    /// <summary>
    /// A foreign key (AddConstraint) or a column declared as a reference to another table (AddColumn with an inline
    /// <c>REFERENCES</c>, Rails <c>add_reference</c>, Knex <c>.references()</c>…): the table it points at.
    /// </summary>
    public string? ReferencedTable { get; set; }

    /// <summary>
    /// CreateTable and AddColumn: the keys and indexes declared inside the definition (primary key, unique, foreign
    /// keys, indexes), as AddConstraint/CreateIndex operations on the same table; null when there are none or unknown.
    /// </summary>
    public IReadOnlyList<MigrationOperation>? InlineKeys { get; set; }

    /// <summary>1-based line in the migration file where the step starts.</summary>
    public int? Line { get; set; }

    /// <summary>The statement or call, on one line and shortened, for reports.</summary>
    public string? Text { get; set; }

    /// <summary>
    /// For a step that runs the SQL of another file (Liquibase's <c>sqlFile</c>): that file as the migration names it,
    /// read and put in the step's place once the repository is at hand (<c>IncludedSql</c>).
    /// </summary>
    public string? IncludedSqlFile { get; set; }

    /// <summary>Whether <see cref="IncludedSqlFile"/> is relative to the migration's own file (else searched for).</summary>
    public bool IncludedSqlFileIsRelative { get; set; }

    /// <summary>An unnamed index or key (Rails' <c>remove_index :orders, :status</c>, Django's default index) by what it covers: <c>on orders (status)</c>.</summary>
    private string Covering(string table) => (table.Length > 0 ? "on " + table + " " : string.Empty) + "(" + string.Join(", ", KeyColumns!) + ")";

    /// <summary>What the step is about, for people: <c>orders.total</c>, <c>index ix_orders_date</c>…</summary>
    public string Object
    {
        get
        {
            var table = Qualified(Schema, Table);
            switch (Kind)
            {
                case MigrationOperationKind.AddColumn:
                case MigrationOperationKind.DropColumn:
                case MigrationOperationKind.AlterColumn:
                    return Join(table, Column);
                case MigrationOperationKind.RenameColumn:
                    return Join(table, Column) + " -> " + (NewName ?? "?");
                case MigrationOperationKind.RenameTable:
                case MigrationOperationKind.RenameIndex:
                case MigrationOperationKind.RenameSchema:
                    return (Kind == MigrationOperationKind.RenameTable ? table : Name ?? table) + " -> " + (NewName ?? "?");
                case MigrationOperationKind.CreateIndex:
                case MigrationOperationKind.DropIndex:
                case MigrationOperationKind.Reindex:
                    return Name is null && KeyColumns is { Count: > 0 } ? Covering(table) : (Name ?? "index") + (table.Length > 0 ? " on " + table : string.Empty);
                case MigrationOperationKind.AddConstraint:
                case MigrationOperationKind.DropConstraint:
                case MigrationOperationKind.ValidateConstraint:
                    return Name is null && KeyColumns is { Count: > 0 } ? Covering(table) : (Name ?? MigrationNames.Of(Constraint)) + (table.Length > 0 ? " on " + table : string.Empty);
                case MigrationOperationKind.CreateSchema:
                case MigrationOperationKind.DropSchema:
                    return Name ?? Schema ?? "schema";
                case MigrationOperationKind.CreateObject:
                case MigrationOperationKind.DropObject:
                case MigrationOperationKind.AlterObject:
                    return ((ObjectType ?? "object") + " " + (Name ?? table)).Trim();
                case MigrationOperationKind.RawSql:
                    return Text ?? "sql";
                default:
                    return table.Length > 0 ? table : Name ?? string.Empty;
            }
        }
    }

    /// <summary>
    /// A CreateObject or DropObject of a materialized view: it holds rows and has indexes, as a table does, and its
    /// name is in <see cref="Name"/>.
    /// </summary>
    public bool IsMaterializedView =>
        (Kind == MigrationOperationKind.CreateObject || Kind == MigrationOperationKind.DropObject)
        && string.Equals(ObjectType, "materialized view", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => MigrationNames.Of(Kind) + " " + Object;

    /// <summary>Names compared the way databases mostly do: case-insensitive, quotes and brackets removed.</summary>
    public static string NormalizeName(string? name)
    {
        if (name == null)
        {
            return string.Empty;
        }

        var trimmed = name.Trim().Trim('"', '`', '[', ']', '\'').ToLowerInvariant();
        return trimmed.Replace("\"", string.Empty).Replace("`", string.Empty).Replace("[", string.Empty).Replace("]", string.Empty);
    }

    /// <summary>True when both name the same table, ignoring a schema on only one side.</summary>
    public static bool SameTable(string? a, string? b)
    {
        var x = NormalizeName(a);
        var y = NormalizeName(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        return x == y || Last(x) == Last(y) && (x.IndexOf('.') < 0 || y.IndexOf('.') < 0);
    }

    private static string Last(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    private static string Qualified(string? schema, string? table) =>
        string.IsNullOrEmpty(table) ? string.Empty : string.IsNullOrEmpty(schema) ? table! : schema + "." + table;

    private static string Join(string table, string? column) =>
        table.Length == 0 ? column ?? string.Empty : string.IsNullOrEmpty(column) ? table : table + "." + column;
}
