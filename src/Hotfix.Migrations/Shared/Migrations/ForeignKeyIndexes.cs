using System;
using System.Collections.Generic;
using System.Linq;

namespace Hotfix.Migrations;

/// <summary>A foreign key, or a column declared as a reference to another table, that a migration step adds.</summary>
internal sealed class DeclaredForeignKey
{
    public DeclaredForeignKey(MigrationOperation operation, string table, IReadOnlyList<string> columns, string? referencedTable, int? line)
    {
        Operation = operation;
        Table = table;
        Columns = columns;
        ReferencedTable = referencedTable;
        Line = line;
    }

    /// <summary>The step that declares it (an AddConstraint, an AddColumn, or a key inside a CreateTable).</summary>
    public MigrationOperation Operation { get; }

    public string Table { get; }

    /// <summary>The key's columns on <see cref="Table"/>, in order; never empty.</summary>
    public IReadOnlyList<string> Columns { get; }

    public string? ReferencedTable { get; }

    public int? Line { get; }

    /// <summary><c>orders.customer_id</c>, or <c>orders(a, b)</c> for a key of several columns.</summary>
    public string Object => Columns.Count == 1 ? Table + "." + Columns[0] : Table + "(" + string.Join(", ", Columns) + ")";
}

/// <summary>
/// HF4004's facts, written once for <c>hotfix check</c> and the EF Core analyzer: which steps declare a foreign key, and
/// whether some index starts with its column. A foreign key's column is what a join to the parent and every delete or
/// key update of a parent row (the referential check) look rows up by: without an index whose leading column it is,
/// each of those scans the child table.
/// </summary>
internal static class ForeignKeyIndexes
{
    /// <summary>
    /// MySQL and MariaDB (InnoDB) create an index for a foreign key that has none; PostgreSQL, SQL Server, SQLite and
    /// Oracle never do. An unknown database is assumed not to (the finding says which databases would).
    /// </summary>
    public static bool DatabaseIndexesForeignKeys(MigrationDatabase database) => database == MigrationDatabase.MySql;

    /// <summary>The foreign keys <paramref name="operation"/> declares, its inline keys included.</summary>
    public static IEnumerable<DeclaredForeignKey> Declared(MigrationOperation operation)
    {
        if (operation.Table == null || operation.Table.Length == 0)
        {
            yield break;
        }

        if (operation.Kind == MigrationOperationKind.AddConstraint && operation.Constraint == ConstraintKind.ForeignKey
            && operation.KeyColumns != null && operation.KeyColumns.Count > 0 && IsColumn(operation.KeyColumns[0]))
        {
            yield return new DeclaredForeignKey(operation, operation.Table, operation.KeyColumns, operation.ReferencedTable, operation.Line);
        }

        if (operation.Kind == MigrationOperationKind.AddColumn && operation.ReferencedTable != null && !string.IsNullOrEmpty(operation.Column))
        {
            yield return new DeclaredForeignKey(operation, operation.Table, new[] { operation.Column! }, operation.ReferencedTable, operation.Line);
        }

        if (operation.InlineKeys != null)
        {
            foreach (var inline in operation.InlineKeys)
            {
                foreach (var key in Declared(inline))
                {
                    yield return new DeclaredForeignKey(key.Operation, key.Table, key.Columns, key.ReferencedTable, key.Line ?? operation.Line);
                }
            }
        }
    }

    /// <summary>The indexes <paramref name="operations"/> create, ready to answer whether a key is covered.</summary>
    public static IndexCoverage Coverage(IEnumerable<MigrationOperation> operations)
    {
        var coverage = new IndexCoverage();
        foreach (var operation in operations)
        {
            coverage.Observe(operation);
        }

        return coverage;
    }

    /// <summary>A column name, not an expression part (<c>(lower(email))</c>) the readers keep in parentheses.</summary>
    public static bool IsColumn(string name) => name.Length > 0 && name[0] != '(';

    /// <summary>
    /// The same column, tolerating the <c>_id</c> suffix a framework adds to a relation's name (Django's
    /// <c>Index(fields=["customer"])</c> is on the column <c>customer_id</c>).
    /// </summary>
    public static bool SameColumn(string a, string b)
    {
        var x = MigrationOperation.NormalizeName(a);
        var y = MigrationOperation.NormalizeName(b);
        return x.Length > 0 && (x == y || x + "_id" == y || x == y + "_id");
    }
}

/// <summary>
/// The leading columns of the indexes (and primary keys and unique constraints, which are indexes) a set of steps
/// creates, followed through the renames of their table, column and name that later steps make (EF Core scaffolds
/// renaming a foreign key's column as DropForeignKey, RenameColumn, RenameIndex, AddForeignKey: the index moves with
/// the column). An index whose columns the reader could not tell covers its whole table: the rule stays silent rather
/// than claim a missing index that may be there.
/// </summary>
internal sealed class IndexCoverage
{
    private readonly List<Entry> entries = new List<Entry>();

    /// <summary>A copy that has also seen <paramref name="operations"/>, in order; this one is left as it is.</summary>
    public IndexCoverage After(IEnumerable<MigrationOperation> operations)
    {
        var copy = new IndexCoverage();
        copy.entries.AddRange(entries);
        foreach (var operation in operations)
        {
            copy.Observe(operation);
        }

        return copy;
    }

    /// <summary>Records the index <paramref name="operation"/> creates, forgets one it drops, follows one it renames.</summary>
    public void Observe(MigrationOperation operation)
    {
        Rename(operation);
        if (operation.Table != null && operation.Table.Length > 0
            && (operation.Kind == MigrationOperationKind.CreateIndex
                || operation.Kind == MigrationOperationKind.AddConstraint && (operation.Constraint == ConstraintKind.PrimaryKey || operation.Constraint == ConstraintKind.Unique)))
        {
            var leading = operation.KeyColumns != null && operation.KeyColumns.Count > 0 ? operation.KeyColumns[0] : null;
            var unique = operation.Unique || operation.Constraint == ConstraintKind.PrimaryKey || operation.Constraint == ConstraintKind.Unique;
            var owned = TakeOver(operation);
            if (owned != null)
            {
                // ADD CONSTRAINT … USING INDEX (supabase db diff writes every primary key so): the constraint is the index
                // under the constraint's name, on the index's columns — not an index of unknown columns on the whole table.
                entries.Add(new Entry(operation.Name ?? owned.Name, operation.Table, owned.Leading, owned.UniqueColumn));
            }
            else
            {
                entries.Add(new Entry(operation.Name, operation.Table, leading, unique && operation.KeyColumns != null && operation.KeyColumns.Count == 1));
            }
        }

        if (operation.Kind == MigrationOperationKind.DropIndex && !string.IsNullOrEmpty(operation.Name))
        {
            var name = MigrationOperation.NormalizeName(operation.Name);
            entries.RemoveAll(e => e.Name != null && MigrationOperation.NormalizeName(e.Name) == name);
        }

        if (operation.Kind == MigrationOperationKind.DropTable && operation.Table != null)
        {
            entries.RemoveAll(e => MigrationOperation.SameTable(e.Table, operation.Table));
        }

        if (operation.InlineKeys != null)
        {
            foreach (var inline in operation.InlineKeys)
            {
                Observe(inline);
            }
        }
    }

    /// <summary>Removes and returns the index a <c>USING INDEX name</c> constraint is built from, when it is known.</summary>
    private Entry? TakeOver(MigrationOperation operation)
    {
        if (operation.Kind != MigrationOperationKind.AddConstraint || string.IsNullOrEmpty(operation.IndexName) || operation.KeyColumns != null && operation.KeyColumns.Count > 0)
        {
            return null;
        }

        var name = MigrationOperation.NormalizeName(operation.IndexName);
        var index = entries.FindLastIndex(e => e.Name != null && MigrationOperation.SameTable(e.Name, name) && MigrationOperation.SameTable(e.Table, operation.Table));
        if (index < 0)
        {
            return null;
        }

        var owned = entries[index];
        entries.RemoveAt(index);
        return owned;
    }

    private void Rename(MigrationOperation operation)
    {
        if (string.IsNullOrEmpty(operation.NewName))
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (operation.Kind == MigrationOperationKind.RenameTable && MigrationOperation.SameTable(e.Table, operation.Table))
            {
                entries[i] = new Entry(e.Name, operation.NewName!, e.Leading, e.UniqueColumn);
            }
            else if (operation.Kind == MigrationOperationKind.RenameColumn && e.Leading != null && MigrationOperation.SameTable(e.Table, operation.Table)
                && MigrationOperation.NormalizeName(e.Leading) == MigrationOperation.NormalizeName(operation.Column) && !string.IsNullOrEmpty(operation.Column))
            {
                entries[i] = new Entry(e.Name, e.Table, operation.NewName, e.UniqueColumn);
            }
            else if (operation.Kind == MigrationOperationKind.RenameIndex && e.Name != null && !string.IsNullOrEmpty(operation.Name)
                && MigrationOperation.NormalizeName(e.Name) == MigrationOperation.NormalizeName(operation.Name))
            {
                entries[i] = new Entry(operation.NewName, e.Table, e.Leading, e.UniqueColumn);
            }
        }
    }

    /// <summary>True when an index on the key's table starts with the key's first column (or might: columns unknown).</summary>
    public bool Covers(DeclaredForeignKey key) =>
        entries.Any(e => MigrationOperation.SameTable(e.Table, key.Table) && (e.Leading == null || ForeignKeyIndexes.SameColumn(e.Leading, key.Columns[0])));

    /// <summary>
    /// True when an index on <paramref name="table"/> is known to start with <paramref name="column"/> — with
    /// <paramref name="unique"/>, a unique one on that column alone (a composite unique key does not make it unique).
    /// </summary>
    public bool Has(string table, string column, bool unique) =>
        entries.Any(e => MigrationOperation.SameTable(e.Table, table) && e.Leading != null && ForeignKeyIndexes.SameColumn(e.Leading, column) && (!unique || e.UniqueColumn));

    private sealed class Entry
    {
        public Entry(string? name, string table, string? leading, bool uniqueColumn)
        {
            Name = name;
            Table = table;
            Leading = leading;
            UniqueColumn = uniqueColumn;
        }

        /// <summary>A unique index (or primary key, or unique constraint) on the one column <see cref="Leading"/>.</summary>
        public bool UniqueColumn { get; }

        public string? Name { get; }

        public string Table { get; }

        public string? Leading { get; }
    }
}
