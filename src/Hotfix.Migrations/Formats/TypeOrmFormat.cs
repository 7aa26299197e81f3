using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// TypeORM: a class implementing <c>MigrationInterface</c> with <c>up(queryRunner)</c>/<c>down(queryRunner)</c>. Generated
/// migrations are <c>queryRunner.query(`SQL`)</c> calls, read as SQL; the QueryRunner schema API is read by name.
/// </summary>
internal sealed partial class TypeOrmFormat : IMigrationFormat
{
    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "query", "createTable", "dropTable", "renameTable", "addColumn", "addColumns", "dropColumn", "dropColumns", "renameColumn",
        "changeColumn", "createIndex", "dropIndex", "createForeignKey", "dropForeignKey", "createUniqueConstraint",
        "dropUniqueConstraint", "createCheckConstraint", "dropCheckConstraint", "createPrimaryKey", "dropPrimaryKey", "clearTable",
    };

    public MigrationFramework Framework => MigrationFramework.TypeOrm;

    public MigrationFrameworkFacts Facts { get; } = new("typeorm", "TypeORM", DownSupport.Expected, Source: SourceLanguage.JavaScript);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        (path.EndsWith(".ts", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal))
        && text.Contains("MigrationInterface", StringComparison.Ordinal) && Definition().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var recreated = new List<(MigrationOperation Drop, string Change)>();
        var pieces = DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => Operations(code, from, to, database, recreated), "the migration has up but no down");
        foreach (var (drop, change) in recreated.Where(r => pieces[0].Body.Up.Contains(r.Drop)))
        {
            pieces[0].Body.Notes.Add($"queryRunner.changeColumn (line {drop.Line}) changes the type of {drop.Object} ({change}): TypeORM then drops the column and adds it again, empty, on {(database == MigrationDatabase.MySql ? "MySQL" : "PostgreSQL")}. Alter it with queryRunner.query(`ALTER TABLE … ALTER COLUMN … TYPE …`) instead, or add a new column, copy the values and drop the old one in a later release.");
        }

        return pieces;
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database, List<(MigrationOperation, string)> recreated)
    {
        foreach (var call in code.Calls(from, to, Calls.Contains))
        {
            if (!call.Receiver.EndsWith("queryRunner", StringComparison.Ordinal) && !call.Receiver.EndsWith("runner", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var table = call.Name == "createTable" ? Property(call.ArgumentsText, "name") : call.Positional(0);
            MigrationOperation Op(MigrationOperationKind kind) => DslSupport.Op(kind, call, table);
            switch (call.Name)
            {
                case "query":
                    foreach (var op in DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text))
                    {
                        yield return op;
                    }

                    break;
                case "createTable":
                    var create = Op(MigrationOperationKind.CreateTable);
                    var keys = TypeOrmKeys.OfTable(call.ArgumentsText, table, call.Line);
                    create.InlineKeys = keys.Count > 0 ? keys : null;
                    yield return create;
                    break;
                case "dropTable":
                    yield return Op(MigrationOperationKind.DropTable);
                    break;
                case "renameTable":
                    var rename = Op(MigrationOperationKind.RenameTable);
                    rename.NewName = call.Positional(1);
                    yield return rename;
                    break;
                case "addColumn":
                case "addColumns":
                    var definition = call.ArgumentsText;
                    var column = Op(MigrationOperationKind.AddColumn);
                    column.Column = Property(definition, "name") ?? call.Positional(1);
                    // A TableColumn is NOT NULL unless it says isNullable: true.
                    var spelled = TypeOrmColumns.Parse(definition);
                    column.NewType = spelled?.Type ?? Property(definition, "type");
                    column.NewNullable = spelled?.Nullable ?? true;
                    column.HasDefault = spelled?.HasDefault ?? DefaultProperty().IsMatch(definition);
                    yield return column;
                    break;
                case "changeColumn":
                    foreach (var op in ChangeColumn(call, table, code, from, to, database, recreated))
                    {
                        yield return op;
                    }

                    break;
                case "dropColumn":
                case "dropColumns":
                    var drop = Op(MigrationOperationKind.DropColumn);
                    drop.Column = call.Positional(1);
                    yield return drop;
                    break;
                case "renameColumn":
                    var renameColumn = Op(MigrationOperationKind.RenameColumn);
                    renameColumn.Column = call.Positional(1);
                    renameColumn.NewName = call.Positional(2);
                    yield return renameColumn;
                    break;
                case "createIndex":
                case "dropIndex":
                    var index = Op(call.Name == "createIndex" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.DropIndex);
                    index.Name = Property(call.ArgumentsText, "name") ?? call.Positional(1);
                    index.KeyColumns = call.Name == "createIndex" ? TypeOrmKeys.ColumnLists(call.ArgumentsText).FirstOrDefault() : null;
                    yield return index;
                    break;
                case "clearTable":
                    yield return Op(MigrationOperationKind.Truncate);
                    break;
                default:
                    var constraint = Op(call.Name.StartsWith("create", StringComparison.Ordinal) ? MigrationOperationKind.AddConstraint : MigrationOperationKind.DropConstraint);
                    constraint.Constraint = call.Name.Contains("Foreign", StringComparison.Ordinal) ? ConstraintKind.ForeignKey
                        : call.Name.Contains("Unique", StringComparison.Ordinal) ? ConstraintKind.Unique
                        : call.Name.Contains("Check", StringComparison.Ordinal) ? ConstraintKind.Check : ConstraintKind.PrimaryKey;
                    if (constraint.Kind == MigrationOperationKind.AddConstraint && constraint.Constraint == ConstraintKind.ForeignKey && call.Name.EndsWith('s'))
                    {
                        // createForeignKeys(table, [new TableForeignKey({…}), …]): one key each.
                        foreach (var key in TypeOrmKeys.ForeignKeys(call.ArgumentsText, table, call.Line))
                        {
                            key.Text = call.Text;
                            yield return key;
                        }

                        break;
                    }

                    if (constraint.Kind == MigrationOperationKind.AddConstraint)
                    {
                        constraint.KeyColumns = constraint.Constraint == ConstraintKind.PrimaryKey
                            ? KeyColumnText.Positional(call, 1) ?? TypeOrmKeys.ColumnLists(call.ArgumentsText).FirstOrDefault()
                            : TypeOrmKeys.ColumnLists(call.ArgumentsText).FirstOrDefault();
                        constraint.ReferencedTable = constraint.Constraint == ConstraintKind.ForeignKey ? Property(call.ArgumentsText, "referencedTableName") : null;
                    }

                    yield return constraint;
                    break;
            }
        }
    }

    /// <summary>
    /// <c>changeColumn(table, oldColumnOrName, newColumn)</c>. On PostgreSQL and MySQL TypeORM drops the column and adds
    /// it again when the type or length changes ("to avoid data conversion"), so every value is lost; otherwise it
    /// alters the column in place, restating its nullability (a TableColumn is NOT NULL unless it says isNullable). The
    /// old column is the one given, else the one the other direction's changeColumn of it sets (the down restores it).
    /// </summary>
    private static IEnumerable<MigrationOperation> ChangeColumn(
        CodeCall call, string? table, CodeText code, int from, int to, MigrationDatabase database, List<(MigrationOperation, string)> recreated)
    {
        var given = TypeOrmColumns.Parse(PositionalRaw(call, 1));
        var name = given?.Name ?? call.Positional(1);
        var changed = TypeOrmColumns.Parse(PositionalRaw(call, 2));
        var old = given ?? code.Calls(0, code.Mask.Length, n => n == "changeColumn")
            .Where(c => (c.Start < from || c.Start >= to) && MigrationOperation.SameTable(c.Positional(0), call.Positional(0))
                && MigrationOperation.SameTable(TypeOrmColumns.Parse(PositionalRaw(c, 1))?.Name ?? c.Positional(1), name))
            .Select(c => TypeOrmColumns.Parse(PositionalRaw(c, 2)))
            .FirstOrDefault(c => c is not null);
        if (database is not MigrationDatabase.Sqlite and not MigrationDatabase.SqlServer && old?.Type is { } oldType && changed?.Type is { } newType
            && ColumnTypeChange.Classify(oldType, newType, database).Effect != TypeChangeEffect.None)
        {
            var drop = DslSupport.Op(MigrationOperationKind.DropColumn, call, table);
            drop.Column = name;
            recreated.Add((drop, oldType + " -> " + newType));
            yield return drop;
            var add = DslSupport.Op(MigrationOperationKind.AddColumn, call, table);
            add.Column = changed.Name ?? name;
            add.NewType = newType;
            add.NewNullable = changed.Nullable;
            add.HasDefault = changed.HasDefault;
            yield return add;
            yield break;
        }

        if (changed?.Name is { } newName && name is not null && !MigrationOperation.SameTable(newName, name))
        {
            var rename = DslSupport.Op(MigrationOperationKind.RenameColumn, call, table);
            rename.Column = name;
            rename.NewName = newName;
            yield return rename;
            name = newName;
        }

        var alter = DslSupport.Op(MigrationOperationKind.AlterColumn, call, table);
        alter.Column = name;
        alter.NewType = changed?.Type;
        alter.OldType = given?.Type;
        alter.NewNullable = changed?.Nullable;
        alter.OldNullable = given?.Nullable;
        alter.RestatesDefinition = changed is not null;
        yield return alter;
    }

    private static string? PositionalRaw(CodeCall call, int index) => call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(index)?.Raw;

    private static string? Property(string text, string name)
    {
        var match = Regex.Match(text, name + """\s*:\s*["'`]([^"'`]+)["'`]""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:async\s+)?(?<name>up|down)\s*\(\s*queryRunner")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\bdefault\s*:")]
    private static partial Regex DefaultProperty();
}
