using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Ecto (Elixir, Phoenix): <c>priv/repo/migrations/&lt;timestamp&gt;_name.exs</c>, a module with <c>use Ecto.Migration</c> and
/// <c>def change</c> (reversed by Ecto) or <c>def up</c>/<c>def down</c>. Steps: <c>create table(:t) do add … end</c>,
/// <c>alter table(:t) do add/remove/modify … end</c>, <c>drop table(:t)</c>, <c>create index(:t, [:c])</c>,
/// <c>rename</c>, <c>execute "SQL"</c>. Elixir is read with the Ruby code reader: the same comments, strings, atoms,
/// keyword arguments and <c>do … end</c> blocks. <c>change</c> reverses what ecto_sql's runner does: it cannot reverse
/// a <c>remove</c> without its type, a <c>modify</c> without <c>from:</c>, <c>remove_if_exists</c>/<c>add_if_not_exists</c>,
/// the drop of a table or constraint, or a one-way <c>execute</c>; it re-creates a dropped index.
/// </summary>
internal sealed partial class EctoFormat : IMigrationFormat
{
    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "create", "create_if_not_exists", "drop", "drop_if_exists", "alter", "rename", "execute", "add", "add_if_not_exists",
        "remove", "remove_if_exists", "modify",
    };

    public MigrationFramework Framework => MigrationFramework.Ecto;

    public MigrationFrameworkFacts Facts { get; } = new("ecto", "Ecto", DownSupport.Expected, Source: SourceLanguage.Ruby);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        path.EndsWith(".exs", StringComparison.Ordinal) && text.Contains("Ecto.Migration", StringComparison.Ordinal)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var code = new CodeText(text, SourceLanguage.Ruby);
        var body = new MigrationBody();
        if (DslSupport.IndentedBlock(code, Definition(), "change") is { } change)
        {
            body.Up.AddRange(Operations(code, change.Start, change.End, database, out var oneWay));
            body.DownLine = change.Line;
            body.DownStatus = oneWay is null ? DownStatus.Automatic : DownStatus.Irreversible;
            body.DownDetail = oneWay is null
                ? "Ecto reverses `change` by itself"
                : $"`change` uses {oneWay.Text} (line {oneWay.Line}), which Ecto cannot reverse: rolling back raises Ecto.MigrationError (use up/down)";
            body.DownLine = oneWay?.Line ?? change.Line;
        }
        else if (DslSupport.IndentedBlock(code, Definition(), "up") is { } up)
        {
            body.Up.AddRange(Operations(code, up.Start, up.End, database, out _));
            if (DslSupport.IndentedBlock(code, Definition(), "down") is { } down)
            {
                body.DownLine = down.Line;
                body.Down.AddRange(Operations(code, down.Start, down.End, database, out _));
                if (Raise().Match(code.Mask, down.Start, down.End - down.Start) is { Success: true } raised)
                {
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = "down raises";
                    body.DownLine = code.LineOf(raised.Index);
                }
            }
            else
            {
                body.DownStatus = DownStatus.Missing;
                body.DownDetail = "the migration defines up but no down";
            }
        }

        return [new MigrationPiece(null, body, text)];
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database, out CodeCall? oneWay)
    {
        var result = new List<MigrationOperation>();
        oneWay = null;
        var blocks = new List<(int Start, int End, string? Table, MigrationOperation? Created)>();
        foreach (var call in code.Calls(from, to, Calls.Contains, allowBareRubyCalls: true).ToList())
        {
            var block = blocks.LastOrDefault(b => call.Start > b.Start && call.Start < b.End);
            var first = call.Arguments.Count > 0 ? call.Arguments[0].Raw.Trim() : string.Empty;
            var target = Target().Match(first);
            var table = target.Success ? Atom(target.Groups["table"].Value) : null;
            var spec = target.Success ? Spec(first) : null; // index(:t, [:c], concurrently: true) read as a call
            MigrationOperation Op(MigrationOperationKind kind, string? on = null) => DslSupport.Op(kind, call, on ?? table);
            switch (call.Name)
            {
                case "create" or "create_if_not_exists" when target.Success && target.Groups["kind"].Value == "table":
                    var created = Op(MigrationOperationKind.CreateTable);
                    created.Columns = [];
                    created.ColumnTypes = [];
                    created.ColumnNullables = [];
                    blocks.Add((call.Start, DslSupport.DoBlockEnd(code, call.Start), table, created));
                    result.Add(created);
                    break;
                case "create" or "create_if_not_exists" when target.Success && target.Groups["kind"].Value is "index" or "unique_index":
                    result.Add(Index(Op(MigrationOperationKind.CreateIndex), spec, target.Groups["kind"].Value));
                    break;
                case "create" when target.Success && target.Groups["kind"].Value == "constraint":
                    var constraint = Op(MigrationOperationKind.AddConstraint);
                    constraint.Constraint = spec?.HasKeyword("check") == true ? ConstraintKind.Check : ConstraintKind.Exclusion;
                    constraint.Name = spec?.Positional(1);
                    constraint.NotValid = DslSupport.IsFalse(spec?.Keyword("validate")); // NOT VALID: no scan under the lock
                    result.Add(constraint);
                    break;
                case "alter" when target.Success:
                    blocks.Add((call.Start, DslSupport.DoBlockEnd(code, call.Start), table, null));
                    break;
                case "drop" or "drop_if_exists" when target.Success:
                    var droppedIndex = target.Groups["kind"].Value is "index" or "unique_index";
                    if (!droppedIndex)
                    {
                        oneWay ??= call; // change cannot re-create a table or constraint it does not know; an index it can
                    }

                    result.Add(droppedIndex
                        ? Index(Op(MigrationOperationKind.DropIndex), spec, target.Groups["kind"].Value)
                        : target.Groups["kind"].Value == "table" ? Op(MigrationOperationKind.DropTable)
                        : Named(Op(MigrationOperationKind.DropConstraint), spec?.Positional(1)));
                    break;
                case "rename" when target.Success:
                    // rename table(:a), to: table(:b) — or rename table(:t), :old, to: :new
                    var newName = call.Keyword("to");
                    if (call.Positional(1) is { } oldColumn)
                    {
                        var renamedColumn = Op(MigrationOperationKind.RenameColumn);
                        renamedColumn.Column = oldColumn;
                        renamedColumn.NewName = newName;
                        result.Add(renamedColumn);
                    }
                    else
                    {
                        var renamed = Op(MigrationOperationKind.RenameTable);
                        renamed.NewName = Target().Match(call.Arguments.FirstOrDefault(a => a.Key == "to")?.Raw ?? string.Empty) is { Success: true } t ? Atom(t.Groups["table"].Value) : newName;
                        result.Add(renamed);
                    }

                    break;
                case "execute":
                    if (call.Positional(1) is null && call.Arguments.Count == 1)
                    {
                        oneWay ??= call; // one-way SQL: change cannot reverse it
                    }

                    result.AddRange(DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text));
                    break;
                case "add" or "add_if_not_exists" or "remove" or "remove_if_exists" or "modify" when block.Table is not null:
                    Column(call, block.Table, block.Created, result, ref oneWay);
                    break;
            }
        }

        return result;
    }

    private static void Column(CodeCall call, string table, MigrationOperation? created, List<MigrationOperation> result, ref CodeCall? oneWay)
    {
        var column = call.Positional(0);
        var typeArgument = call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(1)?.Raw.Trim();
        var type = Type(typeArgument, call.Keyword("size"), call.Keyword("precision"), call.Keyword("scale"));
        var reference = typeArgument is not null && Reference().Match(typeArgument) is { Success: true } r ? Atom(r.Groups["table"].Value) : null;
        if (created is not null && call.Name is "add" or "add_if_not_exists")
        {
            created.Columns = [.. created.Columns ?? [], column ?? "?"];
            created.ColumnTypes = [.. created.ColumnTypes ?? [], type];
            created.ColumnNullables = [.. created.ColumnNullables ?? [], !DslSupport.IsFalse(call.Keyword("null"))];
            if (reference is not null)
            {
                created.InlineKeys = [.. created.InlineKeys ?? [], ForeignKey(call, table, column, reference)];
            }

            return;
        }

        var op = DslSupport.Op(call.Name switch
        {
            "remove" or "remove_if_exists" => MigrationOperationKind.DropColumn,
            "modify" => MigrationOperationKind.AlterColumn,
            _ => MigrationOperationKind.AddColumn,
        }, call, table);
        op.Column = column;
        op.NewType = type;
        var nullable = call.Keyword("null");
        op.NewNullable = nullable is null ? (op.Kind == MigrationOperationKind.AddColumn ? true : null) : nullable != "false";
        op.HasDefault = call.HasKeyword("default") ? true : op.Kind == MigrationOperationKind.AddColumn ? false : null;

        // default: fragment("gen_random_uuid()") is SQL; any other default a value Ecto quotes.
        op.DefaultExpression = call.Arguments.FirstOrDefault(a => a.Key == "default")?.Raw is { } value && Fragment().Match(value) is { Success: true } fragment
            ? fragment.Groups["sql"].Value : null;
        if (op.Kind == MigrationOperationKind.AlterColumn)
        {
            // modify :c, :string, from: {:string, size: 32}
            var from = call.Arguments.FirstOrDefault(a => a.Key == "from")?.Raw;
            op.OldType = from is null ? null : Type(From().Match(from) is { Success: true } f ? f.Groups["type"].Value : from, From().Match(from).Groups["size"].Value is { Length: > 0 } size ? size : null, null, null);
            if (from is null)
            {
                oneWay ??= call;
            }

            // null: sets or drops NOT NULL: a change only against what the column was — from: {…, null: true} says it,
            // else the history does.
            op.RestatesDefinition = nullable is not null;
            op.OldNullable = from is not null && FromNull().Match(from) is { Success: true } was ? was.Groups["null"].Value != "false" : null;
        }
        else if (op.Kind == MigrationOperationKind.DropColumn && typeArgument is null)
        {
            oneWay ??= call; // remove :c without its type: change cannot add it back
        }

        if (call.Name is "remove_if_exists" or "add_if_not_exists")
        {
            oneWay ??= call; // ecto_sql reverses add, remove and modify only: these raise on rollback
        }

        if (reference is not null && op.Kind == MigrationOperationKind.AddColumn)
        {
            op.ReferencedTable = reference;
            op.InlineKeys = [ForeignKey(call, table, column, reference)];
        }

        result.Add(op);
    }

    private static MigrationOperation ForeignKey(CodeCall call, string table, string? column, string reference) => new(MigrationOperationKind.AddConstraint)
    {
        Table = table, Constraint = ConstraintKind.ForeignKey, KeyColumns = column is null ? null : [column], ReferencedTable = reference, Line = call.Line, Text = call.Text,
    };

    /// <summary>The <c>table(…)</c>, <c>index(…)</c> or <c>constraint(…)</c> a command names, read as a call.</summary>
    private static CodeCall? Spec(string text) =>
        new CodeText(text, SourceLanguage.Ruby).Calls(0, text.Length, n => n is "table" or "index" or "unique_index" or "constraint").FirstOrDefault();

    /// <summary><c>index(:t, [:a, :b], unique: true, concurrently: true)</c>: its columns (atoms or strings) and options.</summary>
    private static MigrationOperation Index(MigrationOperation op, CodeCall? spec, string kind)
    {
        op.KeyColumns = KeyColumnText.Names(spec?.Arguments.Where(a => a.Key is null).ElementAtOrDefault(1)?.Raw);
        op.Name = spec?.Keyword("name");
        op.Unique = kind == "unique_index" || DslSupport.IsTrue(spec?.Keyword("unique"));
        op.Concurrently = DslSupport.IsTrue(spec?.Keyword("concurrently"));
        return op;
    }

    private static MigrationOperation Named(MigrationOperation op, string? name)
    {
        op.Name = name;
        return op;
    }

    /// <summary>The SQL type Ecto's PostgreSQL adapter writes for <c>:string</c>, <c>:text</c>, <c>:decimal</c> ….</summary>
    private static string? Type(string? type, string? size, string? precision, string? scale) => type?.TrimStart(':') switch
    {
        null => null,
        "string" => $"varchar({size ?? "255"})",
        "text" => "text",
        "integer" => "integer",
        "bigint" or "id" => "bigint",
        "boolean" => "boolean",
        "decimal" => precision is null ? "numeric" : $"numeric({precision},{scale ?? "0"})",
        "float" => "double",
        "date" => "date",
        "time" => "time",
        "naive_datetime" or "utc_datetime" or "naive_datetime_usec" or "utc_datetime_usec" => "timestamp",
        "map" => "jsonb",
        "uuid" or "binary_id" => "uuid",
        "binary" => "binary",
        _ => null,
    };

    private static string Atom(string value) => value.Trim().TrimStart(':').Trim('"');

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)def\s+(?<name>change|up|down)\b")]
    private static partial Regex Definition();

    /// <summary><c>table(:orders)</c>, <c>index(:orders, [:status], concurrently: true)</c>, <c>constraint(:orders, :positive, …)</c>.</summary>
    [GeneratedRegex("""^(?<kind>table|index|unique_index|constraint)\(\s*(?<table>:?"?\w+"?)\s*,?.*\)\s*$""", RegexOptions.Singleline)]
    private static partial Regex Target();

    [GeneratedRegex("""references\(\s*(?<table>:?"?\w+"?)""")]
    private static partial Regex Reference();

    [GeneratedRegex("""\{\s*(?<type>:\w+)\s*(?:,\s*size:\s*(?<size>\d+))?""")]
    private static partial Regex From();

    [GeneratedRegex(@"\bnull:\s*(?<null>true|false)\b")]
    private static partial Regex FromNull();

    [GeneratedRegex("""^\s*fragment\(\s*"(?<sql>(?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex Fragment();

    [GeneratedRegex(@"\braise\b")]
    private static partial Regex Raise();
}
