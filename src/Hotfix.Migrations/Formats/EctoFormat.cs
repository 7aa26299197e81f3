using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Ecto (Elixir, Phoenix): <c>priv/repo/migrations/&lt;timestamp&gt;_name.exs</c>, a module with <c>use Ecto.Migration</c> and
/// <c>def change</c> (reversed by Ecto) or <c>def up</c>/<c>def down</c>. Steps: <c>create table(:t) do add … end</c>,
/// <c>alter table(:t) do add/remove/modify … end</c>, <c>drop table(:t)</c>, <c>create index(:t, [:c])</c>,
/// <c>rename</c>, <c>execute "SQL"</c>. Elixir is read with the Ruby code reader: the same comments, strings, atoms,
/// keyword arguments and <c>do … end</c> blocks. <c>change</c> cannot reverse a <c>remove</c> without its type, a
/// <c>modify</c> without <c>from:</c>, a <c>drop</c> or a one-way <c>execute</c>.
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
            MigrationOperation Op(MigrationOperationKind kind, string? on = null) => DslSupport.Op(kind, call, on ?? table);
            switch (call.Name)
            {
                case "create" or "create_if_not_exists" when target.Success && target.Groups["kind"].Value == "table":
                    var created = Op(MigrationOperationKind.CreateTable);
                    created.Columns = [];
                    created.ColumnTypes = [];
                    blocks.Add((call.Start, DslSupport.DoBlockEnd(code, call.Start), table, created));
                    result.Add(created);
                    break;
                case "create" or "create_if_not_exists" when target.Success && target.Groups["kind"].Value is "index" or "unique_index":
                    var index = Op(MigrationOperationKind.CreateIndex);
                    index.KeyColumns = Atoms(target.Groups["rest"].Value);
                    index.Unique = target.Groups["kind"].Value == "unique_index" || target.Groups["rest"].Value.Contains("unique: true", StringComparison.Ordinal);
                    index.Concurrently = target.Groups["rest"].Value.Contains("concurrently: true", StringComparison.Ordinal);
                    result.Add(index);
                    break;
                case "create" when target.Success && target.Groups["kind"].Value == "constraint":
                    var constraint = Op(MigrationOperationKind.AddConstraint);
                    constraint.Constraint = target.Groups["rest"].Value.Contains("check:", StringComparison.Ordinal) ? ConstraintKind.Check : ConstraintKind.Exclusion;
                    constraint.Name = Atoms(target.Groups["rest"].Value)?.FirstOrDefault();
                    result.Add(constraint);
                    break;
                case "alter" when target.Success:
                    blocks.Add((call.Start, DslSupport.DoBlockEnd(code, call.Start), table, null));
                    break;
                case "drop" or "drop_if_exists" when target.Success:
                    oneWay ??= call; // change cannot re-create what it does not know
                    result.Add(target.Groups["kind"].Value switch
                    {
                        "table" => Op(MigrationOperationKind.DropTable),
                        "index" or "unique_index" => WithKeys(Op(MigrationOperationKind.DropIndex), Atoms(target.Groups["rest"].Value)),
                        _ => Named(Op(MigrationOperationKind.DropConstraint), Atoms(target.Groups["rest"].Value)?.FirstOrDefault()),
                    });
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
        }
        else if (op.Kind == MigrationOperationKind.DropColumn && typeArgument is null)
        {
            oneWay ??= call; // remove :c without its type: change cannot add it back
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

    private static MigrationOperation WithKeys(MigrationOperation op, IReadOnlyList<string>? keys)
    {
        // index(:t, [:a, :b]) names its columns; the first atom of rest is the table's, already taken.
        op.KeyColumns = keys;
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

    private static IReadOnlyList<string>? Atoms(string list)
    {
        var atoms = AtomList().Matches(list).Select(m => m.Groups["name"].Value).ToList();
        return atoms.Count == 0 ? null : atoms;
    }

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)def\s+(?<name>change|up|down)\b")]
    private static partial Regex Definition();

    /// <summary><c>table(:orders)</c>, <c>index(:orders, [:status], concurrently: true)</c>, <c>constraint(:orders, :positive, …)</c>.</summary>
    [GeneratedRegex("""^(?<kind>table|index|unique_index|constraint)\(\s*(?<table>:?"?\w+"?)\s*,?(?<rest>.*)\)\s*$""", RegexOptions.Singleline)]
    private static partial Regex Target();

    [GeneratedRegex("""references\(\s*(?<table>:?"?\w+"?)""")]
    private static partial Regex Reference();

    [GeneratedRegex("""\{\s*(?<type>:\w+)\s*(?:,\s*size:\s*(?<size>\d+))?""")]
    private static partial Regex From();

    [GeneratedRegex(@"(?<![\w:]):(?<name>[a-z_][a-z0-9_]*)\b")]
    private static partial Regex AtomList();

    [GeneratedRegex("""^\s*fragment\(\s*"(?<sql>(?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex Fragment();

    [GeneratedRegex(@"\braise\b")]
    private static partial Regex Raise();
}
