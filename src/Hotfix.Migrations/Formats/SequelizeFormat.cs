using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Sequelize (sequelize-cli, umzug): <c>migrations/&lt;timestamp&gt;-name.js</c> exporting <c>up(queryInterface, Sequelize)</c>
/// and <c>down</c>; <c>queryInterface.addColumn('Users', 'x', { type: Sequelize.STRING(100) })</c>, <c>removeColumn</c>,
/// <c>changeColumn</c>, <c>addIndex</c>, <c>bulkDelete</c>, <c>sequelize.query('…')</c> …. The dialect comes from
/// <c>config/config.json</c> (or .js).
/// </summary>
internal sealed partial class SequelizeFormat : IMigrationFormat
{
    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "createTable", "dropTable", "renameTable", "addColumn", "removeColumn", "changeColumn", "renameColumn", "addIndex",
        "removeIndex", "addConstraint", "removeConstraint", "bulkInsert", "bulkUpdate", "bulkDelete", "query", "dropAllTables",
        "createSchema", "dropSchema",
    };

    public MigrationFramework Framework => MigrationFramework.Sequelize;

    public MigrationFrameworkFacts Facts { get; } = new("sequelize", "Sequelize", DownSupport.Expected, Source: SourceLanguage.JavaScript);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        // In a migrations folder (or a file named as one): seeders and test set-up use queryInterface too.
        // umzug hands the QueryInterface (or the Sequelize instance) in as the context: ({ context: qi }).
        DslSupport.IsJavaScript(path) && path.Contains("migration", StringComparison.OrdinalIgnoreCase)
        && (text.Contains("queryInterface", StringComparison.Ordinal) || text.Contains("QueryInterface", StringComparison.Ordinal)
            || UmzugContext().IsMatch(text) && text.Contains("sequelize", StringComparison.Ordinal))
        && Definition().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        return DslSupport.JavaScriptUpAndDown(text, Definition(), (code, from, to) => Operations(code, from, to, database), "the migration exports up but no down");
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database)
    {
        var names = QueryInterfaceNames(code);
        foreach (var call in code.Calls(from, to, Calls.Contains).ToList())
        {
            if (call.Name == "query")
            {
                // queryInterface.sequelize.query('…') or sequelize.query('…'); other query() calls are not the database's.
                if (call.Receiver.EndsWith("sequelize", StringComparison.Ordinal))
                {
                    foreach (var op in DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text))
                    {
                        yield return op;
                    }
                }

                continue;
            }

            if (!OnQueryInterface(call, code, names))
            {
                continue;
            }

            var (schema, table) = TableName(call, 0);
            MigrationOperation Op(MigrationOperationKind kind)
            {
                var op = DslSupport.Op(kind, call, table);
                op.Schema = schema;
                return op;
            }

            switch (call.Name)
            {
                case "createTable":
                    // The attributes with their types and nullability: the history a later changeColumn is judged against.
                    var created = Op(MigrationOperationKind.CreateTable);
                    var attributes = SequelizeColumns.Attributes(Raw(call, 1)).ToList();
                    created.Columns = attributes.Select(c => c.Name).ToList();
                    created.ColumnTypes = attributes.Select(c => SequelizeColumns.Type(c.Definition)).ToList();
                    created.ColumnNullables = attributes.Select(c => (bool?)SequelizeColumns.AllowsNullAsCreated(c.Definition)).ToList();
                    yield return created;
                    break;
                case "dropTable":
                    yield return Op(MigrationOperationKind.DropTable);
                    break;
                case "dropAllTables":
                    yield return new MigrationOperation(MigrationOperationKind.DropTable) { Table = "every table", Line = call.Line, Text = call.Text };
                    break;
                case "renameTable":
                    var renamedTable = Op(MigrationOperationKind.RenameTable);
                    renamedTable.NewName = TableName(call, 1).Table;
                    yield return renamedTable;
                    break;
                case "addColumn":
                case "changeColumn":
                    var column = Op(call.Name == "addColumn" ? MigrationOperationKind.AddColumn : MigrationOperationKind.AlterColumn);
                    column.Column = call.Positional(1);
                    var options = Raw(call, 2);
                    column.NewType = SequelizeColumns.Type(options);
                    if (call.Name == "changeColumn")
                    {
                        // changeColumn restates the whole attribute: leaving allowNull out drops NOT NULL.
                        column.NewNullable = SequelizeColumns.AllowsNullAsChanged(options, database);
                        column.RestatesDefinition = column.NewNullable is not null;
                    }
                    else
                    {
                        column.NewNullable = SequelizeColumns.AllowNull(options);
                    }

                    var hasDefault = SequelizeColumns.HasDatabaseDefault(options);
                    column.HasDefault = call.Name == "addColumn" ? hasDefault : hasDefault ? true : null;
                    if (References().Match(options) is { Success: true } reference)
                    {
                        column.ReferencedTable = reference.Groups["table"].Value;
                    }

                    yield return column;
                    break;
                case "removeColumn":
                    var dropped = Op(MigrationOperationKind.DropColumn);
                    dropped.Column = call.Positional(1);
                    yield return dropped;
                    break;
                case "renameColumn":
                    var renamed = Op(MigrationOperationKind.RenameColumn);
                    renamed.Column = call.Positional(1);
                    renamed.NewName = call.Positional(2);
                    yield return renamed;
                    break;
                case "addIndex":
                    var index = Op(MigrationOperationKind.CreateIndex);
                    var all = Raw(call, 1) + " " + Raw(call, 2);
                    index.KeyColumns = Strings(FieldList().Match(all) is { Success: true } fields ? fields.Groups["list"].Value : Raw(call, 1));
                    index.Unique = UniqueOption().IsMatch(all);
                    index.Concurrently = ConcurrentlyOption().IsMatch(all);
                    index.Name = NameOption().Match(all) is { Success: true } name ? name.Groups["name"].Value : null;
                    yield return index;
                    break;
                case "removeIndex":
                    var droppedIndex = Op(MigrationOperationKind.DropIndex);
                    droppedIndex.Name = call.Positional(1);
                    droppedIndex.KeyColumns = droppedIndex.Name is null ? Strings(Raw(call, 1)) : null;
                    droppedIndex.Concurrently = ConcurrentlyOption().IsMatch(Raw(call, 2));
                    yield return droppedIndex;
                    break;
                case "addConstraint":
                    var constraint = Op(MigrationOperationKind.AddConstraint);
                    var definition = Raw(call, 1) + " " + Raw(call, 2);
                    constraint.Constraint = ConstraintType().Match(definition) is { Success: true } kind ? kind.Groups["type"].Value.ToLowerInvariant() switch
                    {
                        "foreign key" => ConstraintKind.ForeignKey,
                        "primary key" => ConstraintKind.PrimaryKey,
                        "unique" => ConstraintKind.Unique,
                        "check" => ConstraintKind.Check,
                        _ => ConstraintKind.Unknown,
                    } : ConstraintKind.Unknown;
                    constraint.KeyColumns = FieldList().Match(definition) is { Success: true } keyFields ? Strings(keyFields.Groups["list"].Value) : null;
                    constraint.ReferencedTable = constraint.Constraint == ConstraintKind.ForeignKey && References().Match(definition) is { Success: true } target ? target.Groups["table"].Value : null;
                    constraint.Name = NameOption().Match(definition) is { Success: true } constraintName ? constraintName.Groups["name"].Value : null;
                    yield return constraint;
                    break;
                case "removeConstraint":
                    var droppedConstraint = Op(MigrationOperationKind.DropConstraint);
                    droppedConstraint.Name = call.Positional(1);
                    yield return droppedConstraint;
                    break;
                case "bulkInsert":
                    yield return Op(MigrationOperationKind.InsertData);
                    break;
                case "bulkUpdate":
                case "bulkDelete":
                    var data = Op(call.Name == "bulkUpdate" ? MigrationOperationKind.UpdateData : MigrationOperationKind.DeleteData);
                    // bulkDelete(table, where) / bulkUpdate(table, values, where): a null or empty where is every row.
                    var where = Raw(call, call.Name == "bulkUpdate" ? 2 : 1).Trim();
                    data.HasWhere = where.Length > 0 && where is not ("null" or "{}" or "undefined");
                    yield return data;
                    break;
                case "createSchema":
                case "dropSchema":
                    yield return new MigrationOperation(call.Name == "createSchema" ? MigrationOperationKind.CreateSchema : MigrationOperationKind.DropSchema)
                    { Name = table, Line = call.Line, Text = call.Text };
                    break;
            }
        }
    }

    /// <summary>
    /// The names the file gives the QueryInterface besides <c>queryInterface</c> and <c>qi</c>: umzug's context
    /// (<c>({ context: db })</c>) and a variable holding <c>sequelize.getQueryInterface()</c>.
    /// </summary>
    private static HashSet<string> QueryInterfaceNames(CodeText code) =>
        [.. UmzugContext().Matches(code.Mask).Concat(QueryInterfaceVariable().Matches(code.Mask)).Select(m => m.Groups["name"].Value)];

    private static bool OnQueryInterface(CodeCall call, CodeText code, HashSet<string> names)
    {
        var receiver = call.Receiver;
        var last = receiver[(receiver.LastIndexOf('.') + 1)..];
        return receiver.EndsWith("queryInterface", StringComparison.Ordinal) || receiver.EndsWith("qi", StringComparison.Ordinal)
            || names.Contains(last) && last.Length > 0
            || QueryInterfaceGetter().IsMatch(code.Mask[Math.Max(0, call.Start - 80)..call.Start]);
    }

    /// <summary>A table given by name (<c>'Orders'</c>) or as <c>{ tableName: 'Orders', schema: 'public' }</c>.</summary>
    private static (string? Schema, string? Table) TableName(CodeCall call, int index)
    {
        var raw = Raw(call, index);
        if (!raw.TrimStart().StartsWith('{'))
        {
            return (null, call.Positional(index));
        }

        return (SchemaOption().Match(raw) is { Success: true } schema ? schema.Groups["name"].Value : null,
            TableNameOption().Match(raw) is { Success: true } table ? table.Groups["name"].Value : null);
    }

    private static string Raw(CodeCall call, int index) => call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(index)?.Raw ?? string.Empty;

    private static IReadOnlyList<string>? Strings(string list)
    {
        var names = Quoted().Matches(list).Select(m => m.Groups["value"].Value).ToList();
        return names.Count == 0 ? null : names;
    }


    /// <summary>
    /// <c>exports.up =</c>, <c>export async function up(</c>, <c>async up(</c>, <c>up: async (</c>, and umzug's TypeScript
    /// <c>export const up: Migration = async (…) =&gt;</c> (a type annotation before the <c>=</c>).
    /// </summary>
    [GeneratedRegex(@"(?:exports\.|export\s+(?:async\s+)?function\s+|export\s+const\s+|\b)(?<name>up|down)\s*(?:=|\(|:\s*(?:async\s*)?(?:function\s*)?\(|:\s*[A-Za-z_][\w.]*(?:<[^>=]*>)?\s*=)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\{\s*context\s*:\s*(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex UmzugContext();

    [GeneratedRegex(@"\b(?:const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)\s*=\s*[\w.]*getQueryInterface\(\s*\)")]
    private static partial Regex QueryInterfaceVariable();

    [GeneratedRegex(@"getQueryInterface\(\s*\)\s*\.\s*$")]
    private static partial Regex QueryInterfaceGetter();

    [GeneratedRegex("""references\s*:\s*\{[^}]*?(?:model|table)\s*:\s*(?:\{[^}]*?tableName\s*:\s*)?["'`](?<table>[^"'`]+)["'`]""")]
    private static partial Regex References();

    [GeneratedRegex(@"fields\s*:\s*\[(?<list>[^\]]*)\]")]
    private static partial Regex FieldList();

    [GeneratedRegex(@"unique\s*:\s*true")]
    private static partial Regex UniqueOption();

    [GeneratedRegex(@"concurrently\s*:\s*true")]
    private static partial Regex ConcurrentlyOption();

    [GeneratedRegex("""name\s*:\s*["'`](?<name>[^"'`]+)["'`]""")]
    private static partial Regex NameOption();

    [GeneratedRegex("""\btableName\s*:\s*["'`](?<name>[^"'`]+)["'`]""")]
    private static partial Regex TableNameOption();

    [GeneratedRegex("""\bschema\s*:\s*["'`](?<name>[^"'`]+)["'`]""")]
    private static partial Regex SchemaOption();

    [GeneratedRegex("""type\s*:\s*["'`](?<type>foreign key|primary key|unique|check)["'`]""", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintType();

    [GeneratedRegex("""["'`](?<value>[^"'`]+)["'`]""")]
    private static partial Regex Quoted();
}
