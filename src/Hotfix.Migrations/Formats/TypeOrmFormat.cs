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
        return DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => Operations(code, from, to, database), "the migration has up but no down");
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database)
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
                case "changeColumn":
                    var definition = call.ArgumentsText;
                    var column = Op(call.Name == "changeColumn" ? MigrationOperationKind.AlterColumn : MigrationOperationKind.AddColumn);
                    column.Column = Property(definition, "name") ?? call.Positional(1);
                    column.NewType = Property(definition, "type");
                    column.NewNullable = definition.Contains("isNullable: true", StringComparison.Ordinal) || call.Name != "changeColumn" && !definition.Contains("isNullable: false", StringComparison.Ordinal) && !definition.Contains("isPrimary: true", StringComparison.Ordinal);
                    column.HasDefault = DefaultProperty().IsMatch(definition);
                    yield return column;
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
