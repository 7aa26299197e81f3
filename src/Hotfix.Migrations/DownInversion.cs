namespace Hotfix.Migrations;

/// <summary>
/// Checks that a down undoes its up, step by step: every up step needs its inverse in the down (add column ↔ drop
/// column, create index ↔ drop index, rename a→b ↔ rename b→a, type X→Y ↔ type Y→X…), and every down step must undo
/// some up step. Steps whose effect cannot be compared (raw SQL, data updates) make the verdict "unverified" rather
/// than a finding: only what is certain is reported.
/// </summary>
internal static class DownInversion
{
    /// <param name="InDown">True when the problem is a step of the down (its line is in the down file), false for an up step.</param>
    /// <param name="Message">
    /// What the up does that the down does not undo, or the down step that undoes nothing.
    /// </param>
    /// <param name="Line">The 1-based line of the step in its file; null when unknown.</param>
    public sealed record Problem(string Message, int? Line, bool InDown);

    public sealed record Result(DownStatus Status, IReadOnlyList<Problem> Problems);

    /// <param name="up">The up's steps, in order.</param>
    /// <param name="down">The down's steps, in order.</param>
    /// <param name="database">
    /// Where a dropped column takes its indexes and keys with it: PostgreSQL drops every one that involves the column;
    /// elsewhere only those on dropped columns alone are sure to go (MySQL keeps an index on the columns left).
    /// </param>
    public static Result Check(IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down, MigrationDatabase database = MigrationDatabase.Unknown)
    {
        var anyColumn = database == MigrationDatabase.PostgreSql;
        // Judged on net effect: temporaries cancel out, and a rebuild is an alteration whose columns are not spelled out.
        var upRebuilds = MigrationNetEffect.Rebuilds(up);
        var downRebuilds = MigrationNetEffect.Rebuilds(down);
        var upTemporaries = MigrationNetEffect.Temporaries(up);
        var downTemporaries = MigrationNetEffect.Temporaries(down);
        up = up.Where(s => !upTemporaries.Contains(s) && !upRebuilds.Contains(s)).ToList();
        down = down.Where(s => !downTemporaries.Contains(s) && !downRebuilds.Contains(s)).ToList();
        var problems = new List<Problem>();
        var unverifiableUp = upRebuilds.Count > 0 || up.Any(Unverifiable);
        var unverifiableDown = downRebuilds.Count > 0 || down.Any(Unverifiable);
        var used = new bool[down.Count];
        var rowsDeleted = false;
        foreach (var step in up.Where(s => !Unverifiable(s) && !NeedsNoInverse(s)))
        {
            var index = FindInverse(step, down, used);
            if (index >= 0)
            {
                used[index] = true;
                if (TypeMismatch(step, down[index]) is { } mismatch)
                {
                    problems.Add(new Problem(mismatch, down[index].Line, true));
                }

                continue;
            }

            // A step on a table (a column) the up creates is undone when the down drops that table (column).
            var coveredByDrop = step.Kind != MigrationOperationKind.CreateTable && step.Table is not null && CreatedThenDropped(step.Table, up, down)
                || step.Kind != MigrationOperationKind.AddColumn && step.Column is not null
                && up.Any(u => u.Kind == MigrationOperationKind.AddColumn && MigrationNetEffect.SameColumn(u, step))
                && down.Any(d => d.Kind == MigrationOperationKind.DropColumn && MigrationNetEffect.SameColumn(d, step))
                || IsKey(step) && KeyColumns(step, down, MigrationOperationKind.DropColumn, anyColumn)
                || OwnedByDroppedConstraint(step, up, down);
            // Rows a bounded purge deletes (WHERE expires_at < …, EF6's batched DELETE TOP loop) are data, as an UPDATE's
            // old values are: no down can be compared with them, so they make the down unverified. A DELETE of every row
            // is another matter (HF2008), and a down that does not put the rows back stays a finding.
            if (step.Kind == MigrationOperationKind.DeleteData && step.HasWhere == true)
            {
                rowsDeleted = true;
                continue;
            }

            if (!unverifiableDown && !coveredByDrop)
            {
                problems.Add(new Problem($"up {Describe(step)}, but down does not undo it (expected: {Expected(step)})", step.Line, false));
            }
        }

        for (var k = 0; k < down.Count; k++)
        {
            var step = down[k];
            if (used[k] || Unverifiable(step) || NeedsNoInverse(step) || unverifiableUp || PartOfCreatedTable(step, up, down) || PartOfRecreatedTable(step, up, down))
            {
                continue;
            }

            problems.Add(new Problem($"down {Describe(step)}, which up never did the opposite of", step.Line, true));
        }

        var status = problems.Count > 0 ? DownStatus.DoesNotInvert
            : unverifiableUp || unverifiableDown || rowsDeleted ? DownStatus.Unverified
            : DownStatus.Inverts;
        return new Result(status, problems);
    }

    /// <summary>
    /// A down that takes apart a table or column the up created before dropping it — its foreign keys and indexes first,
    /// as Entity Framework 6, Laravel's <c>dropConstrainedForeignId</c> and hand-written SQL downs do for the keys the up
    /// declared inside the table or column — undoes the up.
    /// </summary>
    private static bool PartOfCreatedTable(MigrationOperation step, IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down) =>
        step.Kind is MigrationOperationKind.DropIndex or MigrationOperationKind.DropConstraint && step.Table is not null
        && (CreatedThenDropped(step.Table, up, down)
            || up.Any(u => u.Kind == MigrationOperationKind.AddColumn && MigrationOperation.SameTable(u.Table, step.Table) && KeyOfColumn(step, u)
                && down.Any(d => d.Kind == MigrationOperationKind.DropColumn && MigrationNetEffect.SameColumn(d, u))));

    /// <summary>
    /// The up creates <paramref name="table"/> — a table, or a materialized view, which has indexes too — and the down
    /// drops it: its indexes and keys go with it.
    /// </summary>
    private static bool CreatedThenDropped(string table, IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down) =>
        up.Any(u => u.Kind == MigrationOperationKind.CreateTable && MigrationOperation.SameTable(u.Table, table)
            || u.Kind == MigrationOperationKind.CreateObject && u.IsMaterializedView && MigrationOperation.SameTable(u.Name, table))
        && down.Any(d => d.Kind == MigrationOperationKind.DropTable && MigrationOperation.SameTable(d.Table, table)
            || d.Kind == MigrationOperationKind.DropObject && d.IsMaterializedView && MigrationOperation.SameTable(d.Name, table));

    /// <summary>
    /// A down that re-creates a table or column the up dropped re-creates its indexes and keys with it (Alembic's and
    /// Doctrine's generated downs, Ecto's <c>create table</c> then <c>create index</c>): the up's drop took them away.
    /// </summary>
    private static bool PartOfRecreatedTable(MigrationOperation step, IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down) =>
        IsKey(step) && step.Table is not null
        && (down.Any(d => d.Kind == MigrationOperationKind.CreateTable && MigrationOperation.SameTable(d.Table, step.Table))
            && up.Any(u => u.Kind == MigrationOperationKind.DropTable && MigrationOperation.SameTable(u.Table, step.Table))
            || KeyColumns(step, down, MigrationOperationKind.AddColumn, any: false) && KeyColumns(step, up, MigrationOperationKind.DropColumn, any: false));

    /// <summary>
    /// An index the up hands to a constraint (<c>ADD CONSTRAINT c UNIQUE USING INDEX i</c>) belongs to that constraint:
    /// the down's <c>DROP CONSTRAINT c</c> drops it too.
    /// </summary>
    private static bool OwnedByDroppedConstraint(MigrationOperation step, IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down) =>
        step.Kind == MigrationOperationKind.CreateIndex && step.Name is not null
        && up.Any(u => u.Kind == MigrationOperationKind.AddConstraint && MigrationOperation.SameTable(u.IndexName, step.Name) && MigrationOperation.SameTable(u.Table, step.Table)
            && down.Any(d => d.Kind == MigrationOperationKind.DropConstraint && IsInverse(u, d)));

    private static bool IsKey(MigrationOperation step) => step.Kind is MigrationOperationKind.CreateIndex or MigrationOperationKind.AddConstraint;

    /// <summary>
    /// Every column of the index or key (with <paramref name="any"/>, one of them) is dropped — or added — by a step of
    /// <paramref name="steps"/>: dropping a column drops the indexes and keys on it.
    /// </summary>
    private static bool KeyColumns(MigrationOperation key, IReadOnlyList<MigrationOperation> steps, MigrationOperationKind kind, bool any)
    {
        bool Touched(string column) => steps.Any(s => s.Kind == kind && MigrationOperation.SameTable(s.Table, key.Table)
            && MigrationOperation.NormalizeName(s.Column) == MigrationOperation.NormalizeName(column));
        return key.Table is not null && key.KeyColumns is { Count: > 0 } columns && (any ? columns.Any(Touched) : columns.All(Touched));
    }

    /// <summary>
    /// The dropped key is the added column's own, named by its column (Laravel's <c>dropConstrainedForeignId</c>). A key
    /// dropped by name is not matched: SQL's inline <c>CONSTRAINT name REFERENCES …</c> keeps no name to compare.
    /// </summary>
    private static bool KeyOfColumn(MigrationOperation key, MigrationOperation column) =>
        key.KeyColumns is { Count: 1 } columns && MigrationOperation.SameTable(columns[0], column.Column);

    private static bool Unverifiable(MigrationOperation op) => op.Kind is MigrationOperationKind.RawSql or MigrationOperationKind.UpdateData
        or MigrationOperationKind.AlterTable or MigrationOperationKind.AlterObject or MigrationOperationKind.Truncate;

    /// <summary>
    /// Steps whose effect a down need not undo: validations and maintenance, restatements, and an extension the up
    /// makes sure of (<c>CREATE EXTENSION IF NOT EXISTS pg_trgm</c>) — it may have been there before and other schemas use it.
    /// </summary>
    private static bool NeedsNoInverse(MigrationOperation op) => op.Kind is MigrationOperationKind.ValidateConstraint
        or MigrationOperationKind.Reindex or MigrationOperationKind.Maintenance || Restates(op)
        || op.Kind == MigrationOperationKind.CreateObject && string.Equals(op.ObjectType, "extension", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An alteration that gives a column the type (and nullability) it already had changes nothing to undo: MySQL's
    /// <c>CHANGE old new &lt;definition&gt;</c> restates the whole definition to rename a column, and its down restates
    /// it again under the old name.
    /// </summary>
    private static bool Restates(MigrationOperation op) =>
        op.Kind == MigrationOperationKind.AlterColumn && op.OldType is not null && op.NewType is not null
        && Normalize(op.OldType) == Normalize(op.NewType)
        && (op.NewNullable is null || op.OldNullable is null || op.NewNullable == op.OldNullable);

    private static int FindInverse(MigrationOperation up, IReadOnlyList<MigrationOperation> down, bool[] used)
    {
        for (var k = 0; k < down.Count; k++)
        {
            // A down step that restates what the column already was undoes nothing: it cannot pair with an up step
            // (MikroORM restates the type before SET/DROP NOT NULL, in the up and in the down).
            if (!used[k] && !Restates(down[k]) && IsInverse(up, down[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private static bool IsInverse(MigrationOperation up, MigrationOperation d)
    {
        bool Table() => MigrationOperation.SameTable(up.Table, d.Table);
        bool Same(string? a, string? b) => MigrationOperation.SameTable(a, b);
        bool NameOrTable() => up.Name is not null && d.Name is not null ? Same(up.Name, d.Name) : Table();
        return (up.Kind, d.Kind) switch
        {
            (MigrationOperationKind.CreateTable, MigrationOperationKind.DropTable) or (MigrationOperationKind.DropTable, MigrationOperationKind.CreateTable) => Table(),
            (MigrationOperationKind.AddColumn, MigrationOperationKind.DropColumn) or (MigrationOperationKind.DropColumn, MigrationOperationKind.AddColumn) => Table() && Same(up.Column, d.Column),
            (MigrationOperationKind.RenameTable, MigrationOperationKind.RenameTable) => MigrationOperation.SameTable(up.NewName, d.Table) && MigrationOperation.SameTable(up.Table, d.NewName),
            (MigrationOperationKind.RenameColumn, MigrationOperationKind.RenameColumn) => Same(up.NewName, d.Column) && Same(up.Column, d.NewName),
            (MigrationOperationKind.RenameIndex, MigrationOperationKind.RenameIndex) or (MigrationOperationKind.RenameSchema, MigrationOperationKind.RenameSchema) => Same(up.NewName, d.Name) && Same(up.Name, d.NewName),
            (MigrationOperationKind.AlterColumn, MigrationOperationKind.AlterColumn) => Table() && Same(up.Column, d.Column),
            (MigrationOperationKind.CreateIndex, MigrationOperationKind.DropIndex) or (MigrationOperationKind.DropIndex, MigrationOperationKind.CreateIndex) => NameOrTable(),
            (MigrationOperationKind.AddConstraint, MigrationOperationKind.DropConstraint) or (MigrationOperationKind.DropConstraint, MigrationOperationKind.AddConstraint) => NameOrTable(),
            (MigrationOperationKind.CreateSchema, MigrationOperationKind.DropSchema) or (MigrationOperationKind.DropSchema, MigrationOperationKind.CreateSchema) => Same(up.Name, d.Name),
            (MigrationOperationKind.CreateObject, MigrationOperationKind.DropObject) or (MigrationOperationKind.DropObject, MigrationOperationKind.CreateObject) => Same(up.Name, d.Name),
            (MigrationOperationKind.InsertData, MigrationOperationKind.DeleteData) or (MigrationOperationKind.DeleteData, MigrationOperationKind.InsertData) => Table(),
            _ => false,
        };
    }

    private static string? TypeMismatch(MigrationOperation up, MigrationOperation down)
    {
        if (up.Kind != MigrationOperationKind.AlterColumn || up.OldType is null || down.NewType is null)
        {
            return null;
        }

        var before = Normalize(up.OldType);
        var restored = Normalize(down.NewType);
        return before == restored ? null : $"up changes {up.Object} from {up.OldType} to {up.NewType}, but down sets it to {down.NewType}, not back to {up.OldType}";
    }

    private static string Normalize(string type) => type.Replace(" ", string.Empty).ToLowerInvariant();

    private static string Describe(MigrationOperation op) => op.Kind switch
    {
        MigrationOperationKind.CreateTable => $"creates table {op.Object}",
        MigrationOperationKind.DropTable => $"drops table {op.Object}",
        MigrationOperationKind.AddColumn => $"adds column {op.Object}",
        MigrationOperationKind.DropColumn => $"drops column {op.Object}",
        MigrationOperationKind.RenameColumn => $"renames column {op.Object}",
        MigrationOperationKind.RenameTable => $"renames table {op.Object}",
        MigrationOperationKind.AlterColumn => $"alters column {op.Object}",
        MigrationOperationKind.CreateIndex => $"creates index {op.Object}",
        MigrationOperationKind.DropIndex => $"drops index {op.Object}",
        MigrationOperationKind.AddConstraint => $"adds {MigrationNames.Of(op.Constraint)} {op.Object}",
        MigrationOperationKind.DropConstraint => $"drops {MigrationNames.Of(op.Constraint)} {op.Object}",
        _ => $"{MigrationNames.Of(op.Kind).Replace('-', ' ')} {op.Object}",
    };

    private static string Expected(MigrationOperation op) => op.Kind switch
    {
        MigrationOperationKind.CreateTable => $"drop table {op.Object}",
        MigrationOperationKind.DropTable => $"create table {op.Object} again",
        MigrationOperationKind.AddColumn => $"drop column {op.Object}",
        MigrationOperationKind.DropColumn => $"add column {op.Object} back",
        MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameTable or MigrationOperationKind.RenameIndex => "rename it back",
        MigrationOperationKind.AlterColumn => $"alter {op.Object} back" + (op.OldType is null ? string.Empty : $" to {op.OldType}"),
        MigrationOperationKind.CreateIndex => $"drop index {op.Object}",
        MigrationOperationKind.DropIndex => $"create index {op.Object} again",
        MigrationOperationKind.AddConstraint => $"drop {op.Object}",
        MigrationOperationKind.DropConstraint => $"add {op.Object} again",
        MigrationOperationKind.InsertData => $"delete the inserted rows of {op.Object}",
        _ => "its inverse",
    };
}
