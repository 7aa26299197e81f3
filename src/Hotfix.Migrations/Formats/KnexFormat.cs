using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Knex: <c>migrations/&lt;timestamp&gt;_name.js|ts</c> exporting <c>up(knex)</c> and <c>down(knex)</c>; schema-builder calls
/// (createTable, alterTable with table.string(…).notNullable(), dropColumn…), <c>knex.raw</c> SQL and query-builder writes.
/// </summary>
internal sealed partial class KnexFormat : IMigrationFormat
{
    private static readonly HashSet<string> SchemaCalls = new(
        [
            "createTable", "createTableIfNotExists", "dropTable", "dropTableIfExists", "renameTable", "alterTable", "table", "raw",
            "dropColumn", "dropColumns", "renameColumn", "index", "dropIndex", "unique", "dropUnique", "foreign", "dropForeign",
            "primary", "dropPrimary", "update", "del", "delete", "insert", "createSchema", "createSchemaIfNotExists", "dropSchema",
            "dropSchemaIfExists", "dropTimestamps", "setNullable", "dropNullable", .. KnexColumns.Builders,
        ],
        StringComparer.Ordinal);

    public MigrationFramework Framework => MigrationFramework.Knex;

    public MigrationFrameworkFacts Facts { get; } = new("knex", "Knex", DownSupport.Expected, Source: SourceLanguage.JavaScript);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        DslSupport.IsJavaScript(path) && Definition().IsMatch(text) && text.Contains("knex", StringComparison.OrdinalIgnoreCase)
        && !text.Contains("MigrationInterface", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        return DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => Operations(code, from, to, database), "the migration exports up but no down");
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database)
    {
        // Calls inside an alterTable/table/createTable callback act on that table.
        var scopes = new List<(int Start, int End, string? Table, bool Creating)>();
        var created = new Dictionary<int, MigrationOperation>();
        foreach (var call in code.Calls(from, to, SchemaCalls.Contains).ToList())
        {
            var scope = scopes.LastOrDefault(s => call.Start > s.Start && call.Start < s.End);
            var table = scope.Table;
            var tail = Tail(code, call.ArgsEnd + 1);
            switch (call.Name)
            {
                case "createTable":
                case "createTableIfNotExists":
                    scopes.Add((call.ArgsStart, call.ArgsEnd, call.Positional(0), true));
                    var create = DslSupport.Op(MigrationOperationKind.CreateTable, call, call.Positional(0));
                    create.Columns = [];
                    create.ColumnTypes = [];
                    create.ColumnNullables = [];
                    created[call.ArgsStart] = create;
                    yield return create;
                    break;
                case "alterTable":
                case "table" when call.Receiver.EndsWith("schema", StringComparison.Ordinal):
                    scopes.Add((call.ArgsStart, call.ArgsEnd, call.Positional(0), false));
                    break;
                case "dropTable":
                case "dropTableIfExists":
                    yield return DslSupport.Op(MigrationOperationKind.DropTable, call, call.Positional(0));
                    break;
                case "renameTable":
                    var rename = DslSupport.Op(MigrationOperationKind.RenameTable, call, call.Positional(0));
                    rename.NewName = call.Positional(1);
                    yield return rename;
                    break;
                case "createSchema":
                case "createSchemaIfNotExists":
                case "dropSchema":
                case "dropSchemaIfExists":
                    yield return new MigrationOperation(call.Name.StartsWith("create", StringComparison.Ordinal) ? MigrationOperationKind.CreateSchema : MigrationOperationKind.DropSchema)
                    { Name = call.Positional(0), Line = call.Line, Text = call.Text };
                    break;
                case "raw":
                    foreach (var op in DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text))
                    {
                        yield return op;
                    }

                    break;
                case "update":
                case "del":
                case "delete":
                case "insert":
                    var chain = DslSupport.StatementBefore(code, call.Start);
                    var target = KnexTable().Match(DslSupport.StatementTextBefore(code, call.Start));
                    if (!target.Success)
                    {
                        break;
                    }

                    var data = DslSupport.Op(call.Name == "insert" ? MigrationOperationKind.InsertData : call.Name == "update" ? MigrationOperationKind.UpdateData : MigrationOperationKind.DeleteData, call, target.Groups["table"].Value);
                    data.HasWhere = call.Name == "insert" ? null : chain.Contains(".where", StringComparison.Ordinal) || chain.Contains(".whereIn", StringComparison.Ordinal);
                    yield return data;
                    break;
                default:
                    if (scope.Start == 0 && scope.End == 0)
                    {
                        break;
                    }

                    if (scope.Creating)
                    {
                        // The callback's columns are the CREATE TABLE's: its keys (HF4004), and the columns with their
                        // types and nullability, the history a later .alter() is judged against.
                        if (created.TryGetValue(scope.Start, out var table0))
                        {
                            var defined = ColumnCall(call, table, tail, code, database).ToList();
                            var keys = defined.SelectMany(KnexKeys.AsInlineKeys).ToList();
                            table0.InlineKeys = keys.Count > 0 ? [.. table0.InlineKeys ?? [], .. keys] : table0.InlineKeys;
                            var columns = defined.Where(c => c.Kind == MigrationOperationKind.AddColumn).ToList();
                            table0.Columns = [.. table0.Columns ?? [], .. columns.Select(c => c.Column!)];
                            table0.ColumnTypes = [.. table0.ColumnTypes ?? [], .. columns.Select(c => c.NewType)];
                            table0.ColumnNullables = [.. table0.ColumnNullables ?? [], .. columns.Select(c => c.NewNullable)];
                        }

                        break;
                    }

                    foreach (var op in ColumnCall(call, table, tail, code, database))
                    {
                        yield return op;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<MigrationOperation> ColumnCall(CodeCall call, string? table, string tail, CodeText code, MigrationDatabase database)
    {
        MigrationOperation Op(MigrationOperationKind kind) => DslSupport.Op(kind, call, table);
        switch (call.Name)
        {
            case "dropColumn":
            case "dropColumns":
                foreach (var column in call.Arguments.Select(a => a.Value))
                {
                    var op = Op(MigrationOperationKind.DropColumn);
                    op.Column = column;
                    yield return op;
                }

                break;
            case "dropTimestamps":
                foreach (var column in new[] { "created_at", "updated_at" })
                {
                    var op = Op(MigrationOperationKind.DropColumn);
                    op.Column = column;
                    yield return op;
                }

                break;
            case "renameColumn":
                var rename = Op(MigrationOperationKind.RenameColumn);
                rename.Column = call.Positional(0);
                rename.NewName = call.Positional(1);
                yield return rename;
                break;
            case "index":
            case "dropIndex":
                var index = Op(call.Name == "index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.DropIndex);
                index.Name = call.Positional(1);
                index.KeyColumns = KnexKeys.Columns(call, code);
                yield return index;
                break;
            case "unique":
            case "primary":
            case "foreign":
                var constraint = Op(MigrationOperationKind.AddConstraint);
                constraint.Constraint = call.Name switch { "unique" => ConstraintKind.Unique, "primary" => ConstraintKind.PrimaryKey, _ => ConstraintKind.ForeignKey };
                constraint.KeyColumns = KnexKeys.Columns(call, code);
                constraint.ReferencedTable = constraint.Constraint == ConstraintKind.ForeignKey ? KnexKeys.Referenced(tail) : null;
                yield return constraint;
                break;
            case "dropUnique":
            case "dropPrimary":
            case "dropForeign":
                yield return Op(MigrationOperationKind.DropConstraint);
                break;
            case "setNullable":
            case "dropNullable":
                // setNullable drops NOT NULL, dropNullable sets it: the change itself, not a restated definition.
                var nullability = Op(MigrationOperationKind.AlterColumn);
                nullability.Column = call.Positional(0);
                nullability.NewNullable = call.Name == "setNullable";
                yield return nullability;
                break;
            default:
                var alter = KnexColumns.IsAlter(tail);
                foreach (var column in KnexColumns.Defined(call, tail, database))
                {
                    var definition = Op(alter ? MigrationOperationKind.AlterColumn : MigrationOperationKind.AddColumn);
                    definition.Column = column.Name;
                    definition.HasDefault = column.HasDefault || column.Increments;
                    definition.DefaultExpression = column.Increments ? "nextval(identity)" : null;
                    if (alter)
                    {
                        // .alter() restates the whole definition: without .notNullable() the column is made nullable
                        // (knex#4401), with it NOT NULL — a change only where the history says it was otherwise.
                        definition.NewType = KnexColumns.AltersType(tail) ? column.Type : null;
                        definition.NewNullable = KnexColumns.AltersNullable(tail) ? column.Nullable != false : null;
                        definition.RestatesDefinition = definition.NewNullable is not null;
                    }
                    else
                    {
                        definition.NewType = column.Type;
                        definition.NewNullable = column.Nullable;
                        definition.ReferencedTable = KnexKeys.Referenced(tail);
                    }

                    yield return definition;
                }

                break;
        }
    }

    /// <summary>
    /// The chained calls after a call: <c>.notNullable().defaultTo(0).alter()</c>, on one line or, as prettier breaks a
    /// long chain, on the lines after it that start with the next <c>.call()</c>.
    /// </summary>
    private static string Tail(CodeText code, int from)
    {
        var k = from;
        while (k < code.Mask.Length && code.Mask[k] != ';')
        {
            if (code.Mask[k] == '\n')
            {
                var next = k + 1;
                while (next < code.Mask.Length && char.IsWhiteSpace(code.Mask[next]))
                {
                    next++;
                }

                if (next >= code.Mask.Length || code.Mask[next] != '.')
                {
                    break;
                }
            }

            k++;
        }

        return from < code.Mask.Length ? code.Mask[from..k] : string.Empty;
    }

    [GeneratedRegex(@"(?:exports\.|export\s+(?:async\s+)?function\s+|export\s+const\s+|\b)(?<name>up|down)\s*(?:=|\()")]
    private static partial Regex Definition();

    [GeneratedRegex("""(?:knex|trx|db)\s*\(\s*["'`](?<table>[^"'`]+)["'`]""")]
    private static partial Regex KnexTable();
}
