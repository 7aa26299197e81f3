using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The SQL that undoes one step of a migration going forward, and the data each step would lose. Only what the
/// migration itself states is written: a step whose previous state is not in the migration (a dropped table's
/// definition, the rows an UPDATE changed) gets no SQL and says what a person must supply — never a guess.
/// </summary>
internal static class ForwardSteps
{
    /// <summary>
    /// The steps that undo <paramref name="up"/>, last step first. <paramref name="down"/> (the migration's own down, when
    /// it has one) states what the up does not: the type of a column the up drops is in the down that adds it back.
    /// <paramref name="indexName"/> names an index the migration leaves to the framework to name.
    /// </summary>
    public static IReadOnlyList<MigrationPlanStep> Undo(
        IReadOnlyList<MigrationOperation> up, MigrationDatabase database, IReadOnlyList<MigrationOperation>? down = null, Func<MigrationOperation, string?>? indexName = null) =>
        up.Reverse().Select(op => Undo(op, database, Restoring(op, down), indexName)).ToList();

    /// <summary>The step of <paramref name="down"/> that adds back the column <paramref name="op"/> drops; null when none.</summary>
    public static MigrationOperation? Restoring(MigrationOperation op, IReadOnlyList<MigrationOperation>? down) =>
        op.Kind != MigrationOperationKind.DropColumn || down is null ? null : down.FirstOrDefault(d => d.Kind == MigrationOperationKind.AddColumn
            && MigrationOperation.SameTable(d.Table, op.Table) && MigrationOperation.NormalizeName(d.Column) == MigrationOperation.NormalizeName(op.Column));

    /// <summary>What running <paramref name="op"/> (a down's step) loses; null when it loses nothing.</summary>
    public static string? LossOf(MigrationOperation op) => op.Kind switch
    {
        MigrationOperationKind.DropTable => $"every row of {Table(op)}",
        MigrationOperationKind.DropColumn => $"every value in {Column(op)}",
        MigrationOperationKind.Truncate => $"every row of {Table(op)}",
        MigrationOperationKind.DeleteData => op.HasWhere == false ? $"every row of {Table(op)}" : $"the rows of {Table(op)} it deletes",
        MigrationOperationKind.UpdateData => $"the values it overwrites in {Table(op)}",
        MigrationOperationKind.DropSchema => $"everything in schema {op.Name ?? op.Schema}",
        MigrationOperationKind.AlterColumn when op.NewType is not null => $"values of {Column(op)} that do not fit {op.NewType} (the conversion fails or truncates)",
        MigrationOperationKind.DropObject when op.ObjectType is "sequence" => $"the current value of sequence {op.Name}",
        _ => null,
    };

    private static MigrationPlanStep Undo(MigrationOperation op, MigrationDatabase database, MigrationOperation? restoring, Func<MigrationOperation, string?>? indexName)
    {
        var t = Table(op);
        var c = Column(op);
        switch (op.Kind)
        {
            case MigrationOperationKind.CreateTable:
                return new($"drop table {t} (the hotfix created it)", $"DROP TABLE {t};", $"every row written to {t} since the hotfix");
            case MigrationOperationKind.AddColumn:
                return new($"drop column {c} (the hotfix added it)", $"ALTER TABLE {t} DROP COLUMN {op.Column};", $"every value written to {c} since the hotfix");
            case MigrationOperationKind.CreateIndex when (op.Name ?? indexName?.Invoke(op)) is { } index:
                return new($"drop index {index} (the hotfix created it)", database == MigrationDatabase.MySql ? $"DROP INDEX {index} ON {t};" : $"DROP INDEX {index};", null);
            case MigrationOperationKind.AddConstraint when op.Name is not null:
                return new($"drop constraint {op.Name} on {t} (the hotfix added it)", $"ALTER TABLE {t} DROP CONSTRAINT {op.Name};", null);
            case MigrationOperationKind.RenameColumn when op.NewName is not null:
                return new($"rename column {t}.{op.NewName} back to {op.Column}", $"ALTER TABLE {t} RENAME COLUMN {op.NewName} TO {op.Column};", null);
            case MigrationOperationKind.RenameTable when op.NewName is not null:
                return new($"rename table {op.NewName} back to {t}", $"ALTER TABLE {op.NewName} RENAME TO {op.Table};", null);
            case MigrationOperationKind.RenameIndex when op.NewName is not null:
                return new($"rename index {op.NewName} back to {op.Name}", $"ALTER INDEX {op.NewName} RENAME TO {op.Name};", null);
            case MigrationOperationKind.CreateSchema when (op.Name ?? op.Schema) is { } schema:
                return new($"drop schema {schema} (the hotfix created it)", $"DROP SCHEMA {schema};", $"everything created in schema {schema} since the hotfix");
            case MigrationOperationKind.CreateObject when op.Name is not null && op.ObjectType is not null:
                return new($"drop {op.ObjectType} {op.Name} (the hotfix created it)", $"DROP {op.ObjectType.ToUpperInvariant()} {op.Name};", op.ObjectType == "sequence" ? $"the current value of sequence {op.Name}" : null);
            case MigrationOperationKind.DropColumn when (op.OldType ?? restoring?.NewType) is { } type:
                return new($"add column {c} back as {type}", $"ALTER TABLE {t} ADD COLUMN {op.Column} {type};", $"none more — but the column comes back empty: the values the hotfix dropped are gone; restore them from a backup taken before it ran");
            case MigrationOperationKind.DropColumn:
                return new($"add column {c} back — its type is not in the migration: take it from main's schema", null, "none more — but the column comes back empty: the values the hotfix dropped are gone; restore them from a backup");
            case MigrationOperationKind.DropTable:
                return new($"create table {t} again — its definition is not in the migration: take it from main's schema", null, "none more — but the table comes back empty: its rows are gone; restore them from a backup");
            case MigrationOperationKind.AlterColumn:
                return AlterBack(op, t, c);
            case MigrationOperationKind.DropIndex or MigrationOperationKind.DropConstraint or MigrationOperationKind.DropObject:
                return new($"create {op.Object} again — its definition is not in the migration: take it from main's schema", null, null);
            case MigrationOperationKind.InsertData:
                return new($"delete the rows the hotfix inserted into {t} — write the DELETE with their keys ({Short(op.Text)})", null, $"the inserted rows of {t}, and rows that reference them");
            case MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData or MigrationOperationKind.Truncate:
                return new($"the rows the hotfix changed in {t} cannot be put back from the migration ({Short(op.Text)}): restore them from a backup", null, null);
            case MigrationOperationKind.Reindex or MigrationOperationKind.ValidateConstraint or MigrationOperationKind.Maintenance:
                return new($"nothing to undo: {op} changes no schema", null, null);
            default:
                return new($"undo by hand: {Short(op.Text) ?? op.ToString()}", null, null);
        }
    }

    private static MigrationPlanStep AlterBack(MigrationOperation op, string t, string c)
    {
        if (op.OldType is not null && op.NewType is not null && op.OldType != op.NewType)
        {
            return new($"change column {c} back from {op.NewType} to {op.OldType}", $"ALTER TABLE {t} ALTER COLUMN {op.Column} TYPE {op.OldType};", $"values of {c} that do not fit {op.OldType} (the conversion fails or truncates)");
        }

        if (op.OldNullable is true && op.NewNullable is false)
        {
            return new($"allow NULL in {c} again", $"ALTER TABLE {t} ALTER COLUMN {op.Column} DROP NOT NULL;", null);
        }

        if (op.OldNullable is false && op.NewNullable is true)
        {
            return new($"make {c} NOT NULL again — fails while rows hold NULL: fill them first", $"ALTER TABLE {t} ALTER COLUMN {op.Column} SET NOT NULL;", null);
        }

        return new($"change column {c} back — its previous definition is not in the migration: take it from main's schema", null, null);
    }

    private static string Table(MigrationOperation op) =>
        string.IsNullOrEmpty(op.Schema) ? op.Table ?? "?" : $"{op.Schema}.{op.Table}";

    private static string Column(MigrationOperation op) => $"{Table(op)}.{op.Column}";

    private static string? Short(string? text) => text is null ? null : text.Length <= 120 ? text : text[..117] + "...";
}
