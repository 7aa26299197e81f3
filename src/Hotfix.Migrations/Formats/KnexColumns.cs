using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// One column a Knex column builder defines: its SQL type on the database, and what its chained modifiers say —
/// <see cref="Nullable"/> is false for <c>.notNullable()</c>, a primary key or increments, null where the database decides.
/// </summary>
internal sealed record KnexColumn(string Name, string? Type, bool? Nullable, bool HasDefault, bool Increments);

/// <summary>
/// Knex's column builders (<c>table.bigInteger('c')</c>, <c>table.string('c', 100)</c>, <c>table.specificType('c', 'citext')</c>,
/// <c>table.timestamps(true, true)</c>…) as the SQL types Knex's column compilers write for them, so that a later
/// <c>.alter()</c> is compared with what the column is, not with the name of the builder method.
/// </summary>
internal static partial class KnexColumns
{
    /// <summary>The table-builder methods that define a column (Knex's <c>columnTypes</c>, their aliases, and <c>timestamps</c>).</summary>
    public static readonly HashSet<string> Builders = new(StringComparer.Ordinal)
    {
        "increments", "bigIncrements", "bigincrements", "serial", "integer", "int", "bigInteger", "biginteger", "bigint", "tinyint",
        "smallint", "mediumint", "decimal", "float", "double", "real", "bit", "boolean", "bool", "date", "datetime", "dateTime",
        "timestamp", "time", "year", "char", "varchar", "string", "text", "tinytext", "tinyText", "mediumtext", "mediumText",
        "longtext", "longText", "binary", "varbinary", "tinyblob", "tinyBlob", "mediumblob", "mediumBlob", "blob", "longblob",
        "longBlob", "enum", "enu", "set", "json", "jsonb", "uuid", "geometry", "geography", "point", "specificType", "timestamps",
    };

    /// <summary>The columns <paramref name="call"/> defines, with <paramref name="tail"/> its chained modifiers.</summary>
    public static IEnumerable<KnexColumn> Defined(CodeCall call, string tail, MigrationDatabase database)
    {
        if (call.Name == "timestamps")
        {
            // timestamps(useTimestamps, defaultToNow, useCamelCase), or the same as an options object: NOT NULL DEFAULT
            // CURRENT_TIMESTAMP only with defaultToNow.
            var options = call.Positional(0) ?? string.Empty;
            var defaultToNow = DslSupport.IsTrue(call.Positional(1)) || DefaultToNow().IsMatch(options);
            var camel = DslSupport.IsTrue(call.Positional(2)) || CamelCase().IsMatch(options);
            var type = DslSupport.IsTrue(call.Positional(0)) || UseTimestamps().IsMatch(options) ? Timestamp("timestamp", null, database) : Timestamp("datetime", null, database);
            foreach (var name in camel ? new[] { "createdAt", "updatedAt" } : ["created_at", "updated_at"])
            {
                yield return new KnexColumn(name, type, defaultToNow ? false : true, defaultToNow, false);
            }

            yield break;
        }

        var increments = call.Name is "increments" or "bigIncrements" or "bigincrements";
        if ((call.Positional(0) ?? (increments ? "id" : null)) is not { } column || !Builders.Contains(call.Name))
        {
            yield break;
        }

        var notNull = increments || NotNull().IsMatch(tail) || tail.Contains(".primary(", StringComparison.Ordinal);
        bool? nullable = notNull ? false
            : Nullable().IsMatch(tail) ? true
            // MySQL before 8.0.2 makes a TIMESTAMP column NOT NULL unless it says NULL: nothing to go by.
            : database == MigrationDatabase.MySql && call.Name == "timestamp" ? null : true;
        yield return new KnexColumn(column, SqlType(call, database), nullable, Default().IsMatch(tail), increments);
    }

    /// <summary>Whether the chain ends in <c>.alter()</c>: the definition replaces the column's (type, nullability, default).</summary>
    public static bool IsAlter(string tail) => tail.Contains(".alter(", StringComparison.Ordinal);

    /// <summary><c>.alter({ alterType: false })</c> leaves the type as it is.</summary>
    public static bool AltersType(string tail) => !AlterTypeFalse().IsMatch(tail);

    /// <summary><c>.alter({ alterNullable: false })</c> leaves the nullability as it is.</summary>
    public static bool AltersNullable(string tail) => !AlterNullableFalse().IsMatch(tail);

    /// <summary>The SQL type Knex's column compiler writes for the builder on <paramref name="database"/> (PostgreSQL when unknown).</summary>
    public static string? SqlType(CodeCall call, MigrationDatabase database)
    {
        var mySql = database == MigrationDatabase.MySql;
        string? Argument(int k) => call.Positional(k) is { } value && !DslSupport.IsNone(value) ? value : null;
        return call.Name switch
        {
            "increments" or "serial" => "integer",
            "bigIncrements" or "bigincrements" or "bigInteger" or "biginteger" or "bigint" => "bigint",
            "integer" or "int" => "integer",
            "tinyint" => mySql ? "tinyint" : "smallint",
            "smallint" => "smallint",
            "mediumint" => mySql ? "mediumint" : "integer",
            "decimal" => Decimal(call),
            "float" => mySql ? $"float({Argument(1) ?? "8"},{Argument(2) ?? "2"})" : "real",
            "double" => mySql && Argument(1) is { } precision ? $"double({precision},{Argument(2) ?? "2"})" : "double precision",
            "real" => "real",
            "boolean" or "bool" => "boolean",
            "date" => "date",
            "datetime" or "dateTime" or "timestamp" => Timestamp(call.Name.ToLowerInvariant(), call.Positional(1), database),
            "time" => "time",
            "string" or "varchar" => Length("varchar", Argument(1) ?? "255"),
            "char" => Length("char", Argument(1) ?? "255"),
            "text" => mySql ? call.Positional(1) switch { "medium" or "mediumtext" => "mediumtext", "long" or "longtext" => "longtext", _ => "text" } : "text",
            "binary" => mySql ? Argument(1) is { } length ? Length("varbinary", length) : "blob" : "bytea",
            "json" => "json",
            "jsonb" => mySql ? "json" : "jsonb",
            "uuid" => mySql ? "char(36)" : "uuid",
            "enum" or "enu" => Enum(call, database),
            "specificType" => call.Positional(1),
            _ => call.Name.ToLowerInvariant(),
        };
    }

    /// <summary><c>decimal(c, precision = 8, scale = 2)</c>; a null precision is an unconstrained numeric (PostgreSQL).</summary>
    private static string Decimal(CodeCall call) =>
        DslSupport.IsNone(call.Positional(1)) && call.Arguments.Count > 1 ? "numeric"
        : $"numeric({call.Positional(1) ?? "8"},{(DslSupport.IsNone(call.Positional(2)) ? "2" : call.Positional(2))})";

    /// <summary>PostgreSQL's datetime and timestamp are timestamptz unless <c>{ useTz: false }</c> (or the old <c>withoutTz</c> true).</summary>
    private static string Timestamp(string name, string? options, MigrationDatabase database)
    {
        if (database is MigrationDatabase.PostgreSql or MigrationDatabase.Unknown)
        {
            var withoutTz = DslSupport.IsTrue(options) || options is not null && UseTzFalse().IsMatch(options);
            return withoutTz ? "timestamp" : "timestamptz";
        }

        return name;
    }

    /// <summary>
    /// A length Knex takes as a number. One held in a variable is not known here: the type is named so that it compares
    /// with no other (a change to it is not proven safe) rather than read as a varchar without a limit.
    /// </summary>
    private static string Length(string type, string length) =>
        int.TryParse(length, out _) ? $"{type}({length})" : $"{type} of length {length.Trim()}";

    /// <summary>PostgreSQL: text with a check, or with <c>useNative</c> the enum type; MySQL: <c>enum('a', 'b')</c>.</summary>
    private static string? Enum(CodeCall call, MigrationDatabase database)
    {
        var raw = call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(1)?.Raw;
        if (database == MigrationDatabase.MySql)
        {
            return raw is null ? "enum" : "enum(" + raw.Trim().TrimStart('[').TrimEnd(']').Replace('"', '\'') + ")";
        }

        var options = call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(2)?.Raw ?? string.Empty;
        return UseNative().IsMatch(options) && EnumName().Match(options) is { Success: true } name ? name.Groups["name"].Value : "text";
    }

    [GeneratedRegex(@"\.(?:notNullable|notNull)\(\s*\)|\.nullable\(\s*false\s*\)")]
    private static partial Regex NotNull();

    [GeneratedRegex(@"\.nullable\(\s*(?:true\s*)?\)")]
    private static partial Regex Nullable();

    [GeneratedRegex(@"\.(?:defaultTo|defaultsTo|default)\(")]
    private static partial Regex Default();

    [GeneratedRegex(@"\.alter\(\s*\{[^}]*\balterType\s*:\s*false")]
    private static partial Regex AlterTypeFalse();

    [GeneratedRegex(@"\.alter\(\s*\{[^}]*\balterNullable\s*:\s*false")]
    private static partial Regex AlterNullableFalse();

    [GeneratedRegex(@"\bdefaultToNow\s*:\s*true")]
    private static partial Regex DefaultToNow();

    [GeneratedRegex(@"\buseCamelCase\s*:\s*true")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\buseTimestamps\s*:\s*true")]
    private static partial Regex UseTimestamps();

    [GeneratedRegex(@"\buseTz\s*:\s*false")]
    private static partial Regex UseTzFalse();

    [GeneratedRegex(@"\buseNative\s*:\s*true")]
    private static partial Regex UseNative();

    [GeneratedRegex("""\benumName\s*:\s*["'`](?<name>[^"'`]+)["'`]""")]
    private static partial Regex EnumName();
}
