using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Laravel: <c>database/migrations/YYYY_MM_DD_HHMMSS_name.php</c>, a class (anonymous since Laravel 9) extending
/// <c>Migration</c> with <c>up()</c> and <c>down()</c>. Steps are <c>Schema::create/table('t', function (Blueprint $table) {
/// … })</c> blocks — <c>$table-&gt;string('c', 100)</c> adds a column, <c>-&gt;change()</c> alters it, <c>dropColumn</c>,
/// <c>renameColumn</c>, <c>index</c>, <c>foreignId(…)-&gt;constrained()</c> … —, <c>Schema::drop(IfExists)</c>,
/// <c>DB::statement('…')</c> SQL and <c>DB::table('t')-&gt;delete()</c>. The database comes from <c>DB_CONNECTION</c>.
/// </summary>
internal sealed partial class LaravelFormat : IMigrationFormat
{
    private static readonly HashSet<string> ColumnTypes = new(StringComparer.Ordinal)
    {
        "id", "bigIncrements", "increments", "integer", "bigInteger", "smallInteger", "tinyInteger", "unsignedBigInteger",
        "unsignedInteger", "string", "char", "text", "mediumText", "longText", "boolean", "decimal", "float", "double",
        "date", "dateTime", "dateTimeTz", "timestamp", "timestampTz", "time", "json", "jsonb", "uuid", "ulid", "binary",
        "enum", "foreignId", "foreignUuid",
    };

    private static readonly HashSet<string> Calls = new(StringComparer.Ordinal)
    {
        "create", "table", "drop", "dropIfExists", "rename", "dropColumns", "statement", "unprepared", "delete", "update",
        "truncate", "insert", "dropColumn", "renameColumn", "index", "unique", "primary", "dropIndex", "dropUnique",
        "dropPrimary", "foreign", "dropForeign", "dropConstrainedForeignId", "dropTimestamps", "dropSoftDeletes", "renameIndex",
        "timestamps", "timestampsTz", "nullableTimestamps", "softDeletes", "softDeletesTz", "rememberToken",
    };

    public MigrationFramework Framework => MigrationFramework.Laravel;

    public MigrationFrameworkFacts Facts { get; } = new("laravel", "Laravel", DownSupport.Expected, Source: SourceLanguage.Php);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        FileName().IsMatch(RepoPath.FileName(path)) && ExtendsMigration().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var code = new CodeText(text, SourceLanguage.Php);
        var body = DslSupport.UpAndDown(code, Definition(), (from, to) => Operations(code, from, to, database), "the migration has up() but no down()");
        return [new MigrationPiece(null, body, text)];
    }

    private static IEnumerable<MigrationOperation> Operations(CodeText code, int from, int to, MigrationDatabase database)
    {
        // Calls inside a Schema::create/table callback act on its table.
        var scopes = new List<(int Start, int End, string? Table, MigrationOperation? Created)>();
        foreach (var call in code.Calls(from, to, n => Calls.Contains(n) || ColumnTypes.Contains(n)).ToList())
        {
            var scope = scopes.LastOrDefault(s => call.Start > s.Start && call.Start < s.End);
            var facade = Facade(code, call.Start);
            var chain = Chain(code, call.ArgsEnd + 1);
            MigrationOperation Op(MigrationOperationKind kind, string? table) => DslSupport.Op(kind, call, table);
            switch (facade, call.Name)
            {
                case ("Schema", "create"):
                    var created = Op(MigrationOperationKind.CreateTable, call.Positional(0));
                    created.Columns = [];
                    created.ColumnTypes = [];
                    scopes.Add((call.ArgsStart, call.ArgsEnd, call.Positional(0), created));
                    yield return created;
                    break;
                case ("Schema", "table"):
                    scopes.Add((call.ArgsStart, call.ArgsEnd, call.Positional(0), null));
                    break;
                case ("Schema", "drop" or "dropIfExists"):
                    yield return Op(MigrationOperationKind.DropTable, call.Positional(0));
                    break;
                case ("Schema", "rename"):
                    var renamedTable = Op(MigrationOperationKind.RenameTable, call.Positional(0));
                    renamedTable.NewName = call.Positional(1);
                    yield return renamedTable;
                    break;
                case ("Schema", "dropColumns"):
                    foreach (var column in Names(call, 1))
                    {
                        var dropped = Op(MigrationOperationKind.DropColumn, call.Positional(0));
                        dropped.Column = column;
                        yield return dropped;
                    }

                    break;
                case ("DB", "statement" or "unprepared"):
                    foreach (var op in DslSupport.EmbeddedSql(call.Positional(0), call.Line, database, call.Text))
                    {
                        yield return op;
                    }

                    break;
                case (_, "delete" or "update" or "truncate" or "insert") when DslSupport.StatementTextBefore(code, call.Start) is var statement && QueryTable().Match(statement) is { Success: true } query:
                    // DB::table('t')->where(…)->delete(): a data change, bounded only by a where.
                    var data = Op(call.Name switch
                    {
                        "insert" => MigrationOperationKind.InsertData,
                        "update" => MigrationOperationKind.UpdateData,
                        "truncate" => MigrationOperationKind.Truncate,
                        _ => MigrationOperationKind.DeleteData,
                    }, query.Groups["table"].Value);
                    data.HasWhere = call.Name is "insert" or "truncate" ? null : statement.Contains("->where", StringComparison.Ordinal);
                    yield return data;
                    break;
                case (null, _) when scope.Table is not null || scope.Created is not null:
                    foreach (var op in TableCall(call, scope.Table, scope.Created, chain))
                    {
                        yield return op;
                    }

                    break;
            }
        }
    }

    /// <summary>A call on the Blueprint inside a Schema::create/table callback.</summary>
    private static IEnumerable<MigrationOperation> TableCall(CodeCall call, string? table, MigrationOperation? created, string chain)
    {
        MigrationOperation Op(MigrationOperationKind kind) => DslSupport.Op(kind, call, table);
        switch (call.Name)
        {
            case "dropColumn":
                foreach (var column in Names(call, 0))
                {
                    var dropped = Op(MigrationOperationKind.DropColumn);
                    dropped.Column = column;
                    yield return dropped;
                }

                break;
            case "timestamps" or "timestampsTz" or "nullableTimestamps" or "softDeletes" or "softDeletesTz" or "rememberToken":
                // The columns these helpers add, all nullable: what dropTimestamps and dropSoftDeletes take away again.
                var type = call.Name == "rememberToken" ? "varchar(100)" : "timestamp";
                var columns = call.Name switch
                {
                    "softDeletes" or "softDeletesTz" => [call.Positional(0) ?? "deleted_at"],
                    "rememberToken" => ["remember_token"],
                    _ => new[] { "created_at", "updated_at" },
                };
                foreach (var column in columns)
                {
                    if (created is not null)
                    {
                        created.Columns = [.. created.Columns ?? [], column];
                        created.ColumnTypes = [.. created.ColumnTypes ?? [], type];
                        continue;
                    }

                    var added = Op(MigrationOperationKind.AddColumn);
                    added.Column = column;
                    added.NewType = type;
                    added.NewNullable = true;
                    yield return added;
                }

                break;
            case "dropTimestamps" or "dropSoftDeletes":
                foreach (var column in call.Name == "dropTimestamps" ? new[] { "created_at", "updated_at" } : ["deleted_at"])
                {
                    var dropped = Op(MigrationOperationKind.DropColumn);
                    dropped.Column = column;
                    yield return dropped;
                }

                break;
            case "renameColumn":
                var renamed = Op(MigrationOperationKind.RenameColumn);
                renamed.Column = call.Positional(0);
                renamed.NewName = call.Positional(1);
                yield return renamed;
                break;
            case "index" or "unique" or "primary":
                if (Names(call, 0) is not { Count: > 0 } keyColumns)
                {
                    break; // chained on a column definition (->unique()): read with that column
                }

                var key = Op(call.Name == "index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.AddConstraint);
                key.KeyColumns = keyColumns;
                key.Name = call.Positional(1);
                key.Unique = call.Name == "unique";
                key.Constraint = call.Name switch { "unique" => ConstraintKind.Unique, "primary" => ConstraintKind.PrimaryKey, _ => ConstraintKind.Unknown };
                if (created is not null)
                {
                    created.InlineKeys = [.. created.InlineKeys ?? [], key];
                    break;
                }

                yield return key;
                break;
            case "dropIndex" or "dropUnique" or "dropPrimary" or "dropForeign" or "dropConstrainedForeignId":
                var droppedKey = Op(call.Name == "dropIndex" ? MigrationOperationKind.DropIndex : MigrationOperationKind.DropConstraint);
                var target = call.Positional(0);
                var byColumns = call.Arguments.FirstOrDefault(a => a.Key is null)?.Raw.TrimStart().StartsWith('[') == true;

                // dropConstrainedForeignId('user_id') and dropIndex(['user_id']) name columns; Laravel derives the key's
                // name from them: <table>_<columns>_<index|unique|foreign|primary>.
                droppedKey.Name = call.Name == "dropConstrainedForeignId" ? null
                    : byColumns ? DerivedName(table, Names(call, 0), call.Name["drop".Length..].ToLowerInvariant())
                    : target;
                droppedKey.KeyColumns = droppedKey.Name is null || byColumns ? Names(call, 0) : null;
                droppedKey.Constraint = call.Name switch { "dropUnique" => ConstraintKind.Unique, "dropPrimary" => ConstraintKind.PrimaryKey, "dropIndex" => ConstraintKind.Unknown, _ => ConstraintKind.ForeignKey };
                yield return droppedKey;
                if (call.Name == "dropConstrainedForeignId" && target is not null)
                {
                    var column = Op(MigrationOperationKind.DropColumn);
                    column.Column = target;
                    yield return column;
                }

                break;
            case "foreign":
                var foreignKey = Op(MigrationOperationKind.AddConstraint);
                foreignKey.Constraint = ConstraintKind.ForeignKey;
                foreignKey.KeyColumns = Names(call, 0);
                foreignKey.ReferencedTable = On().Match(chain) is { Success: true } on ? on.Groups["table"].Value : null;
                if (created is not null)
                {
                    created.InlineKeys = [.. created.InlineKeys ?? [], foreignKey];
                    break;
                }

                yield return foreignKey;
                break;
            default:
                if (!ColumnTypes.Contains(call.Name) || call.Name == "id" && call.Positional(0) is null && created is null)
                {
                    break;
                }

                var name = call.Name == "id" ? call.Positional(0) ?? "id" : call.Positional(0);
                var chainedKey = ChainedKey(call, table, name, chain);
                if (created is not null)
                {
                    created.Columns = [.. created.Columns ?? [], name ?? "?"];
                    created.ColumnTypes = [.. created.ColumnTypes ?? [], Type(call)];
                    if (call.Name is "foreignId" or "foreignUuid" && chain.Contains("->constrained(", StringComparison.Ordinal))
                    {
                        created.InlineKeys = [.. created.InlineKeys ?? [], Constrained(call, table, name, chain)];
                    }

                    if (chainedKey is not null)
                    {
                        created.InlineKeys = [.. created.InlineKeys ?? [], chainedKey];
                    }

                    break;
                }

                var change = chain.Contains("->change()", StringComparison.Ordinal);
                var definition = Op(change ? MigrationOperationKind.AlterColumn : MigrationOperationKind.AddColumn);
                definition.Column = name;
                definition.NewType = Type(call);
                definition.NewNullable = chain.Contains("->nullable(false)", StringComparison.Ordinal) ? false : chain.Contains("->nullable(", StringComparison.Ordinal) ? true : change ? null : false;
                var hasDefault = chain.Contains("->default(", StringComparison.Ordinal) || chain.Contains("->useCurrent(", StringComparison.Ordinal);
                definition.HasDefault = change ? hasDefault ? true : null : hasDefault;

                // ->default(DB::raw('gen_random_uuid()')) is SQL; ->default('…') a value Laravel quotes.
                definition.DefaultExpression = RawDefault().Match(chain) is { Success: true } raw ? raw.Groups["sql"].Value : null;
                if (call.Name is "foreignId" or "foreignUuid" && chain.Contains("->constrained(", StringComparison.Ordinal) && !change)
                {
                    definition.InlineKeys = [Constrained(call, table, name, chain)];
                    definition.ReferencedTable = definition.InlineKeys[0].ReferencedTable;
                }

                yield return definition;
                if (chainedKey is not null && !change)
                {
                    yield return chainedKey;
                }

                break;
        }
    }

    /// <summary><c>$table-&gt;string('email')-&gt;unique()</c>, <c>-&gt;index()</c>, <c>-&gt;primary()</c>: a key on the column just defined.</summary>
    private static MigrationOperation? ChainedKey(CodeCall call, string? table, string? column, string chain)
    {
        var kind = chain.Contains("->unique(", StringComparison.Ordinal) ? "unique"
            : chain.Contains("->index(", StringComparison.Ordinal) ? "index"
            : chain.Contains("->primary(", StringComparison.Ordinal) ? "primary"
            : null;
        if (kind is null || column is null)
        {
            return null;
        }

        return new MigrationOperation(kind == "index" ? MigrationOperationKind.CreateIndex : MigrationOperationKind.AddConstraint)
        {
            Table = table,
            KeyColumns = [column],
            Unique = kind == "unique",
            Constraint = kind switch { "unique" => ConstraintKind.Unique, "primary" => ConstraintKind.PrimaryKey, _ => ConstraintKind.Unknown },
            Line = call.Line,
            Text = call.Text,
        };
    }

    /// <summary><c>$table-&gt;foreignId('user_id')-&gt;constrained()</c>: a foreign key to <c>users</c> (or the table named), indexed on MySQL only.</summary>
    private static MigrationOperation Constrained(CodeCall call, string? table, string? column, string chain)
    {
        var named = Constrain().Match(chain) is { Success: true } m && m.Groups["table"].Success ? m.Groups["table"].Value : null;
        var guessed = column is not null && column.EndsWith("_id", StringComparison.Ordinal) ? column[..^3] + "s" : null;
        return new MigrationOperation(MigrationOperationKind.AddConstraint)
        {
            Table = table,
            Constraint = ConstraintKind.ForeignKey,
            KeyColumns = column is null ? null : [column],
            ReferencedTable = named ?? guessed,
            Line = call.Line,
            Text = call.Text,
        };
    }

    /// <summary>The SQL type Laravel's schema builder writes (its PostgreSQL/MySQL common ground).</summary>
    private static string? Type(CodeCall call) => call.Name switch
    {
        "string" => $"varchar({call.Positional(1) ?? "255"})",
        "char" => $"char({call.Positional(1) ?? "255"})",
        "text" or "mediumText" or "longText" => "text",
        "integer" or "unsignedInteger" or "increments" => "integer",
        "bigInteger" or "unsignedBigInteger" or "bigIncrements" or "id" or "foreignId" => "bigint",
        "smallInteger" => "smallint",
        "tinyInteger" => "tinyint",
        "boolean" => "boolean",
        "decimal" => $"numeric({call.Positional(1) ?? "8"},{call.Positional(2) ?? "2"})",
        "float" => "real",
        "double" => "double",
        "date" => "date",
        "dateTime" or "timestamp" => "timestamp",
        "dateTimeTz" or "timestampTz" => "timestamptz",
        "time" => "time",
        "json" => "json",
        "jsonb" => "jsonb",
        "uuid" or "foreignUuid" => "uuid",
        "binary" => "binary",
        _ => null,
    };

    /// <summary>The name Laravel gives a key it derives from columns (<c>Blueprint::createIndexName</c>).</summary>
    private static string? DerivedName(string? table, IReadOnlyList<string> columns, string type) =>
        table is null || columns.Count == 0 ? null : $"{table}_{string.Join('_', columns)}_{type}".Replace('-', '_').Replace('.', '_').ToLowerInvariant();

    /// <summary>The column names of a call: <c>'a'</c> or <c>['a', 'b']</c> at <paramref name="index"/>.</summary>
    private static IReadOnlyList<string> Names(CodeCall call, int index)
    {
        var raw = call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(index);
        if (raw is null)
        {
            return [];
        }

        return raw.Value is { } one && !raw.Raw.TrimStart().StartsWith('[') ? [one] : Quoted().Matches(raw.Raw).Select(m => m.Groups["value"].Value).ToList();
    }

    /// <summary>The facade a static call is made on (<c>Schema::</c>, <c>DB::</c>), or null for a method call.</summary>
    private static string? Facade(CodeText code, int nameStart)
    {
        if (nameStart < 2 || code.Mask[nameStart - 1] != ':' || code.Mask[nameStart - 2] != ':')
        {
            return null;
        }

        var end = nameStart - 2;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(code.Mask[start - 1]) || code.Mask[start - 1] is '_' or '\\'))
        {
            start--;
        }

        var name = code.Text[start..end];
        return name[(name.LastIndexOf('\\') + 1)..];
    }

    /// <summary>The chained calls after a call, to the end of its statement: <c>-&gt;nullable()-&gt;change();</c>.</summary>
    private static string Chain(CodeText code, int from)
    {
        var k = from;
        while (k < code.Mask.Length && code.Mask[k] != ';')
        {
            k++;
        }

        return from < code.Mask.Length ? code.Text[from..k] : string.Empty;
    }

    [GeneratedRegex(@"^[0-9]{4}_[0-9]{2}_[0-9]{2}_[0-9]{6}_\w+\.php$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"extends\s+(?:\\?Illuminate\\Database\\Migrations\\)?Migration\b")]
    private static partial Regex ExtendsMigration();

    [GeneratedRegex(@"function\s+(?<name>up|down)\s*\(")]
    private static partial Regex Definition();

    [GeneratedRegex("""DB::table\(\s*["'](?<table>[^"']+)["']""")]
    private static partial Regex QueryTable();

    [GeneratedRegex("""->default\(\s*(?:DB::raw|new\s+\\?(?:\w+\\)*Expression)\(\s*(?<q>["'])(?<sql>.*?)\k<q>\s*\)""")]
    private static partial Regex RawDefault();

    [GeneratedRegex("""->on\(\s*["'](?<table>[^"']+)["']""")]
    private static partial Regex On();

    [GeneratedRegex("""->constrained\(\s*(?:table:\s*)?(?:["'](?<table>[^"']+)["'])?""")]
    private static partial Regex Constrain();

    [GeneratedRegex("""["'](?<value>[^"']+)["']""")]
    private static partial Regex Quoted();
}
