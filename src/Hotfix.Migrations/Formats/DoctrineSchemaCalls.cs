using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Doctrine Migrations' Schema API in up()/down(): <c>$schema-&gt;getTable('customer')-&gt;dropColumn('fax')</c>,
/// <c>$table = $schema-&gt;createTable('t'); $table-&gt;addColumn('id', 'integer')</c>, <c>$schema-&gt;dropTable('t')</c>.
/// DBAL turns the changed schema into SQL after the method returns; the common calls are read as that SQL would be,
/// any other call on the schema or a table is a step Hotfix cannot read (the down is then unverified, never "inverts").
/// </summary>
internal static partial class DoctrineSchemaCalls
{
    public static IEnumerable<(int Start, MigrationOperation Op)> Read(CodeText code, int from, int to)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal); // $variable → table
        var created = new Dictionary<string, MigrationOperation>(StringComparer.OrdinalIgnoreCase);
        foreach (var call in code.Calls(from, to, _ => true))
        {
            var before = DslSupport.StatementTextBefore(code, call.Start);
            if (!before.EndsWith("->", StringComparison.Ordinal))
            {
                continue;
            }

            // A statement that starts from $schema or a variable holding one of its tables ($this->addSql, $this->abortIf … do not).
            var root = Root().Match(before);
            if (!root.Success || root.Groups["var"].Value != "$schema" && !tables.ContainsKey(root.Groups["var"].Value))
            {
                continue;
            }

            // The receiver: $schema, a table variable, or $schema->getTable('t') written in line; else a column or key of one.
            var onSchema = SchemaReceiver().IsMatch(before);
            var table = InlineTable().Match(before) is { Success: true } inline ? inline.Groups["table"].Value
                : VariableReceiver().Match(before) is { Success: true } variable && tables.TryGetValue(variable.Groups["var"].Value, out var held) ? held
                : null;

            MigrationOperation Op(MigrationOperationKind kind, string? on) => DslSupport.Op(kind, call, on);
            var name = call.Positional(0);
            switch (call.Name)
            {
                case "getTable" or "createTable" when onSchema && name is not null:
                    if (Assignment().Match(before) is { Success: true } assigned)
                    {
                        tables[assigned.Groups["var"].Value] = name;
                    }

                    if (call.Name == "createTable")
                    {
                        var create = Op(MigrationOperationKind.CreateTable, name);
                        create.Columns = [];
                        create.ColumnTypes = [];
                        create.ColumnNullables = [];
                        created[name] = create;
                        yield return (call.Start, create);
                    }

                    break;
                case "dropTable" when onSchema && name is not null:
                    yield return (call.Start, Op(MigrationOperationKind.DropTable, name));
                    break;
                case "addColumn" when table is not null && name is not null:
                    var type = SqlType(call);
                    var nullable = DslSupport.IsFalse(Option(call, "notnull")); // DBAL columns are NOT NULL unless 'notnull' => false
                    if (created.TryGetValue(table, out var newTable))
                    {
                        newTable.Columns = [.. newTable.Columns ?? [], name];
                        newTable.ColumnTypes = [.. newTable.ColumnTypes ?? [], type];
                        newTable.ColumnNullables = [.. newTable.ColumnNullables ?? [], nullable];
                        break;
                    }

                    var add = Op(MigrationOperationKind.AddColumn, table);
                    add.Column = name;
                    add.NewType = type;
                    add.NewNullable = nullable;
                    add.HasDefault = Option(call, "default") is { } value && !DslSupport.IsNone(value);
                    yield return (call.Start, add);
                    break;
                case "dropColumn" when table is not null && name is not null:
                    var drop = Op(MigrationOperationKind.DropColumn, table);
                    drop.Column = name;
                    yield return (call.Start, drop);
                    break;
                case "addIndex" or "addUniqueIndex" when table is not null:
                    var index = Op(MigrationOperationKind.CreateIndex, table);
                    index.KeyColumns = KeyColumnText.Positional(call, 0);
                    index.Name = call.Positional(1);
                    index.Unique = call.Name == "addUniqueIndex";
                    yield return (call.Start, index);
                    break;
                case "dropIndex" when table is not null:
                    var dropIndex = Op(MigrationOperationKind.DropIndex, table);
                    dropIndex.Name = name;
                    yield return (call.Start, dropIndex);
                    break;
                case "hasTable" or "hasColumn" or "hasIndex" or "getColumn" or "getName" or "getColumns" or "hasForeignKey":
                    break; // questions, not changes
                default:
                    // A change Hotfix does not read (a modified column, a key, a sequence): the migration cannot be compared.
                    var unread = Op(MigrationOperationKind.RawSql, table);
                    unread.Text = "Schema API " + call.Name + "(…)" + (table is null ? string.Empty : " on " + table);
                    yield return (call.Start, unread);
                    break;
            }
        }
    }

    /// <summary>A value of the options array: <c>['length' =&gt; 32, 'notnull' =&gt; false]</c>.</summary>
    private static string? Option(CodeCall call, string key) =>
        call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(2)?.Raw is { } options
        && Regex.Match(options, "[\"']" + key + "[\"']\\s*=>\\s*(?<value>[^,\\]]+)", RegexOptions.CultureInvariant) is { Success: true } m
            ? m.Groups["value"].Value.Trim().Trim('\'', '"')
            : null;

    /// <summary>A DBAL type name as the SQL type the shared rules compare (<c>string</c> with <c>length</c> → varchar(n)).</summary>
    private static string? SqlType(CodeCall call) => call.Positional(1)?.ToLowerInvariant() switch
    {
        null => null,
        "string" => $"varchar({Option(call, "length") ?? "255"})",
        "text" => "text",
        "integer" => "integer",
        "bigint" => "bigint",
        "smallint" => "smallint",
        "boolean" => "boolean",
        "decimal" => Option(call, "precision") is { } precision ? $"numeric({precision},{Option(call, "scale") ?? "0"})" : "numeric",
        "float" => "double",
        "datetime" or "datetime_immutable" => "timestamp",
        "datetimetz" or "datetimetz_immutable" => "timestamptz",
        "date" or "date_immutable" => "date",
        "time" or "time_immutable" => "time",
        "json" => "json",
        "guid" => "uuid",
        var other => other,
    };

    [GeneratedRegex(@"^\s*(?:\$\w+\s*=\s*)?(?<var>\$\w+)\s*->")]
    private static partial Regex Root();

    [GeneratedRegex(@"(?<![\w>])\$schema\s*->$")]
    private static partial Regex SchemaReceiver();

    [GeneratedRegex(@"^\s*(?<var>\$\w+)\s*->$")]
    private static partial Regex VariableReceiver();

    [GeneratedRegex("""->\s*getTable\(\s*["'](?<table>[^"']+)["']\s*\)\s*->$""")]
    private static partial Regex InlineTable();

    [GeneratedRegex(@"(?<var>\$\w+)\s*=\s*\$schema\s*->$")]
    private static partial Regex Assignment();
}
