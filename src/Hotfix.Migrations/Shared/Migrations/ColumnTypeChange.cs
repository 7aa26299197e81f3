using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations;

/// <summary>What changing a column from one type to another does to the data already in it.</summary>
internal enum TypeChangeEffect
{
    /// <summary>The types are the same (after aliases): nothing changes.</summary>
    None,

    /// <summary>Every old value fits the new type and the database changes only metadata (e.g. varchar(50) → varchar(100), numeric(12,2) → numeric(14,2)).</summary>
    Widening,

    /// <summary>Every old value fits, but the database rewrites the table under an exclusive lock (e.g. integer → bigint on PostgreSQL).</summary>
    Rewrite,

    /// <summary>Some old values may not fit: they are cut, rounded, or the migration fails half-way (e.g. varchar(100) → varchar(50)).</summary>
    Narrowing,

    /// <summary>The types are unrelated or one is not known: a careful reviewer cannot prove that no data is lost.</summary>
    Unknown,
}

/// <summary>A verdict on a type change with the reason, for reports.</summary>
internal sealed class TypeChangeVerdict
{
    public TypeChangeVerdict(TypeChangeEffect effect, string reason)
    {
        Effect = effect;
        Reason = reason;
    }

    public TypeChangeEffect Effect { get; }

    public string Reason { get; }
}

/// <summary>
/// Classifies column type changes the way strong_migrations and squawk document them: widening a varchar or the
/// precision of a numeric with the same scale is metadata-only; integer widening keeps the data but rewrites the table;
/// lowering a length, a precision or a scale can lose data.
/// </summary>
internal static class ColumnTypeChange
{
    private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = "integer", ["int4"] = "integer", ["integer"] = "integer", ["mediumint"] = "integer",
        ["int2"] = "smallint", ["smallint"] = "smallint", ["tinyint"] = "tinyint",
        ["int8"] = "bigint", ["bigint"] = "bigint",
        ["serial"] = "integer", ["serial4"] = "integer", ["bigserial"] = "bigint", ["serial8"] = "bigint", ["smallserial"] = "smallint",
        ["decimal"] = "numeric", ["numeric"] = "numeric", ["number"] = "numeric", ["money"] = "money",
        ["real"] = "real", ["float4"] = "real", ["float8"] = "double", ["double"] = "double", ["double precision"] = "double", ["float"] = "double",
        ["varchar"] = "varchar", ["character varying"] = "varchar", ["nvarchar"] = "varchar", ["varchar2"] = "varchar", ["string"] = "varchar",
        ["char"] = "char", ["character"] = "char", ["nchar"] = "char", ["bpchar"] = "char",
        ["text"] = "text", ["ntext"] = "text", ["longtext"] = "text", ["mediumtext"] = "text", ["clob"] = "text", ["citext"] = "text",
        ["bool"] = "boolean", ["boolean"] = "boolean", ["bit"] = "bit",
        ["timestamp"] = "timestamp", ["timestamp without time zone"] = "timestamp", ["datetime"] = "timestamp", ["datetime2"] = "timestamp",
        ["timestamptz"] = "timestamptz", ["timestamp with time zone"] = "timestamptz", ["datetimeoffset"] = "timestamptz",
        ["date"] = "date", ["time"] = "time", ["uuid"] = "uuid", ["uniqueidentifier"] = "uuid",
        ["json"] = "json", ["jsonb"] = "jsonb", ["bytea"] = "binary", ["varbinary"] = "binary", ["blob"] = "binary", ["binary"] = "binary",
    };

    private static readonly Dictionary<string, int> IntegerRank = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["tinyint"] = 1, ["smallint"] = 2, ["integer"] = 3, ["bigint"] = 4,
    };

    /// <summary>Classifies <paramref name="oldType"/> → <paramref name="newType"/> on <paramref name="database"/>.</summary>
    public static TypeChangeVerdict Classify(string? oldType, string? newType, MigrationDatabase database)
    {
        if (string.IsNullOrWhiteSpace(oldType) && !string.IsNullOrWhiteSpace(newType) && IsUnboundedText(SqlType.Parse(newType!)))
        {
            // Whatever the column held, every value has a text form: a change to unbounded text loses nothing.
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, "the new type " + newType!.Trim() + " holds every value as text, whatever the previous type was (stated neither in the migration nor in its folder); the table is rewritten unless it was text or varchar already");
        }

        if (string.IsNullOrWhiteSpace(oldType) || string.IsNullOrWhiteSpace(newType))
        {
            return new TypeChangeVerdict(TypeChangeEffect.Unknown, "the previous type is stated neither in the migration nor in the earlier migrations of its folder, so a narrowing cannot be ruled out");
        }

        var from = SqlType.Parse(oldType!);
        var to = SqlType.Parse(newType!);
        var change = oldType!.Trim() + " -> " + newType!.Trim();
        if (from.Name == to.Name && (from.Name == "enum" || from.Name == "set"))
        {
            return ClassifyLabels(Labels(oldType!, database), Labels(newType!, database), change, database);
        }
        if (IsString(from.Name) && IsString(to.Name) && IsNational(oldType!) && !IsNational(newType!)
            && (database == MigrationDatabase.SqlServer || database == MigrationDatabase.Unknown))
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " converts Unicode text to the collation's code page: characters it cannot represent become '?'");
        }

        if (from.Name == to.Name && SameArguments(from, to))
        {
            return new TypeChangeVerdict(TypeChangeEffect.None, change + " is the same type");
        }

        if (IsString(from.Name) && IsString(to.Name))
        {
            return ClassifyStrings(from, to, change, database);
        }

        if (from.Name == "numeric" && to.Name == "numeric")
        {
            return ClassifyNumeric(from, to, change);
        }

        int fromRank, toRank;
        if (IntegerRank.TryGetValue(from.Name, out fromRank) && IntegerRank.TryGetValue(to.Name, out toRank))
        {
            return toRank > fromRank
                ? new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value but rewrites the table and its indexes")
                : new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " cannot hold the larger values of the old type");
        }

        if (IntegerRank.ContainsKey(from.Name) && to.Name == "numeric")
        {
            var digits = to.Precision.HasValue ? to.Precision.Value - (to.Scale ?? 0) : int.MaxValue;
            var needed = from.Name == "bigint" ? 19 : from.Name == "integer" ? 10 : 5;
            return digits >= needed
                ? new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value but rewrites the table")
                : new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " has fewer integer digits than the old type");
        }

        if (from.Name == "real" && to.Name == "double")
        {
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value but rewrites the table");
        }

        if (from.Name == "timestamp" && to.Name == "timestamptz")
        {
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " reinterprets every value in the session time zone and rewrites the table (safe without rewrite only on PostgreSQL 12+ with a UTC session)");
        }

        if (from.Name == "json" && to.Name == "jsonb")
        {
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps the data (normalised: duplicate keys and key order are dropped) and rewrites the table");
        }

        if (IsString(to.Name) && !IsString(from.Name))
        {
            return ClassifyToText(from, to, change);
        }

        if (from.Name == "bit" && IntegerRank.ContainsKey(to.Name) && (from.Precision ?? 1) == 1 && database != MigrationDatabase.PostgreSql)
        {
            // SQL Server's and MySQL's BIT(1) hold 0 or 1 (EF Core's bool); PostgreSQL has no automatic bit → integer cast.
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value (0 or 1) and rewrites the table");
        }

        if ((from.Name == "timestamp" || from.Name == "timestamptz") && to.Name == "date")
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " drops the time of day from every value");
        }

        if (from.Name == "date" && (to.Name == "timestamp" || to.Name == "timestamptz"))
        {
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value (at midnight) and rewrites the table");
        }

        return new TypeChangeVerdict(TypeChangeEffect.Unknown, change + " converts between unrelated types: values may fail to cast or lose information");
    }

    private static TypeChangeVerdict ClassifyStrings(SqlType from, SqlType to, string change, MigrationDatabase database)
    {
        // Unbounded (text, varchar without length) accepts everything; char pads, so char -> varchar keeps data.
        if (IsUnboundedText(to))
        {
            var metadataOnly = from.Name == "varchar" || from.Name == "text";
            return new TypeChangeVerdict(
                metadataOnly ? TypeChangeEffect.Widening : TypeChangeEffect.Rewrite,
                change + (metadataOnly ? " removes a length limit (no rewrite)" : " keeps every value and rewrites the table"));
        }

        if (!to.Precision.HasValue)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Unknown, change + ": the new length is not known");
        }

        if (!from.Precision.HasValue)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " limits values that had no length limit to " + to.Precision.Value.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        if (to.Precision.Value < from.Precision.Value)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " shortens the limit: longer values are cut or the migration fails");
        }

        if (from.Name == to.Name && from.Name == "varchar")
        {
            // MySQL rewrites when the length prefix grows from 1 to 2 bytes (255+ bytes); the data survives either way.
            var rewrite = database == MigrationDatabase.MySql && from.Precision.Value < 256 && to.Precision.Value >= 256;
            return new TypeChangeVerdict(
                rewrite ? TypeChangeEffect.Rewrite : TypeChangeEffect.Widening,
                change + " lengthens the limit" + (rewrite ? " across 255 bytes, which MySQL does by copying the table" : " (no rewrite)"));
        }

        return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value and rewrites the table");
    }

    private static TypeChangeVerdict ClassifyNumeric(SqlType from, SqlType to, string change)
    {
        if (!to.Precision.HasValue)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Widening, change + " removes the precision limit (no rewrite)");
        }

        if (!from.Precision.HasValue)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " limits an unconstrained numeric: values are rounded or the migration fails");
        }

        int fromScale = from.Scale ?? 0, toScale = to.Scale ?? 0;
        int fromDigits = from.Precision.Value - fromScale, toDigits = to.Precision.Value - toScale;
        if (toScale < fromScale)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " lowers the scale: fractional digits are rounded away");
        }

        if (toDigits < fromDigits)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " allows fewer integer digits: larger values make the migration fail");
        }

        return toScale == fromScale
            ? new TypeChangeVerdict(TypeChangeEffect.Widening, change + " raises the precision with the same scale: every value fits and no rewrite is needed")
            : new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " raises the scale: every value fits, but the table is rewritten");
    }

    /// <summary>
    /// A value of another type made text: unbounded text keeps every value (as it always did for <c>text</c>); a bounded
    /// one keeps them when its length holds the longest text form of the old type, else the longer ones fail the
    /// migration. Types whose text form has no known bound stay as unknown as before.
    /// </summary>
    private static TypeChangeVerdict ClassifyToText(SqlType from, SqlType to, string change)
    {
        if (IsUnboundedText(to))
        {
            return new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value as text and rewrites the table");
        }

        var width = TextWidth(from);
        var length = to.Precision ?? 1; // char without a length is char(1)
        if (width == null)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Unknown, change + " converts between unrelated types: values may fail to cast or lose information");
        }

        return length >= width.Value
            ? new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every value as text and rewrites the table")
            : new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " is shorter than the old type's longest value (" + width.Value.ToString(CultureInfo.InvariantCulture) + " characters): those values make the migration fail");
    }

    /// <summary>The longest text form of a value of <paramref name="type"/> (sign and decimal point included), or null when not bounded or not known.</summary>
    private static int? TextWidth(SqlType type)
    {
        switch (type.Name)
        {
            case "tinyint": return 4;
            case "smallint": return 6;
            case "integer": return 11;
            case "bigint": return 20;
            case "bit": return type.Precision is int bits && bits > 1 ? (int?)null : 1;
            case "boolean": return 5;
            case "uuid": return 36;
            case "date": return 10;
            case "numeric": return type.Precision.HasValue ? type.Precision.Value + 3 : (int?)null; // "-0." around the digits
            default: return null;
        }
    }

    private static bool IsString(string name) => name == "varchar" || name == "char" || name == "text";

    private static bool IsUnboundedText(SqlType type) => type.Name == "text" || type.Name == "varchar" && !type.Precision.HasValue;

    /// <summary>
    /// An enum's (or MySQL set's) labels: a value whose label is gone has nowhere to go. MySQL appends labels in place;
    /// anything else copies the table — and on PostgreSQL the column moves to another type, which rewrites it.
    /// </summary>
    private static TypeChangeVerdict ClassifyLabels(List<string> from, List<string> to, string change, MigrationDatabase database)
    {
        var removed = from.Where(l => !to.Contains(l)).ToList();
        if (removed.Count > 0)
        {
            return new TypeChangeVerdict(TypeChangeEffect.Narrowing, change + " removes " + (removed.Count == 1 ? "the label " : "the labels ")
                + string.Join(", ", removed.Select(l => "'" + l + "'")) + ": rows holding " + (removed.Count == 1 ? "it" : "one") + " make the migration fail"
                + (database == MigrationDatabase.MySql ? " (or, in MySQL's non-strict mode, become '')" : string.Empty) + ", and the running version still writes " + (removed.Count == 1 ? "it" : "them"));
        }

        if (from.Count == to.Count && from.SequenceEqual(to))
        {
            return new TypeChangeVerdict(TypeChangeEffect.None, change + " keeps the same labels");
        }

        var appended = to.Take(from.Count).SequenceEqual(from);
        return appended && database == MigrationDatabase.MySql
            ? new TypeChangeVerdict(TypeChangeEffect.Widening, change + " appends labels, which MySQL does in place")
            : new TypeChangeVerdict(TypeChangeEffect.Rewrite, change + " keeps every label but " + (database == MigrationDatabase.MySql ? "copies the table" : "moves the column to another type, which rewrites the table"));
    }

    /// <summary>SQL Server's Unicode string types (<c>nvarchar</c>, <c>nchar</c>, <c>ntext</c>).</summary>
    private static bool IsNational(string type)
    {
        var t = type.Trim().TrimStart('[', '"').ToLowerInvariant();
        return t.StartsWith("nvarchar", StringComparison.Ordinal) || t.StartsWith("nchar", StringComparison.Ordinal)
            || t.StartsWith("ntext", StringComparison.Ordinal) || t.StartsWith("national", StringComparison.Ordinal);
    }

    /// <summary>The quoted labels of <c>enum('a','b')</c>, as the SQL tokenizer reads them.</summary>
    private static List<string> Labels(string type, MigrationDatabase database) =>
        SqlTokenizer.Tokenize(type, database).Where(t => t.Depth == 1 && (t.Kind == SqlTokenKind.String || t.Kind == SqlTokenKind.QuotedName)).Select(t => t.Text).ToList();

    private static bool SameArguments(SqlType a, SqlType b) => a.Precision == b.Precision && a.Scale == b.Scale;

    /// <summary>A parsed type name: its canonical name and up to two numeric arguments.</summary>
    private struct SqlType
    {
        public string Name;
        public int? Precision;
        public int? Scale;

        public static SqlType Parse(string text)
        {
            var t = text.Trim().Trim('"', '`', '[', ']');
            var paren = t.IndexOf('(');
            var name = (paren < 0 ? t : t.Substring(0, paren)).Trim().ToLowerInvariant().Replace("[", string.Empty).Replace("]", string.Empty).Replace("\"", string.Empty);
            var array = name.EndsWith("[]", StringComparison.Ordinal);
            var result = default(SqlType);
            if (paren >= 0)
            {
                var close = t.IndexOf(')', paren);
                var args = (close < 0 ? t.Substring(paren + 1) : t.Substring(paren + 1, close - paren - 1)).Split(',');
                int value;
                if (args.Length > 0 && int.TryParse(args[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
                {
                    result.Precision = value;
                }
                else if (args.Length > 0 && args[0].Trim().Equals("max", StringComparison.OrdinalIgnoreCase))
                {
                    result.Precision = null;
                }

                if (args.Length > 1 && int.TryParse(args[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
                {
                    result.Scale = value;
                }
            }

            string? canonical;
            result.Name = Aliases.TryGetValue(name, out canonical) ? canonical : name;
            if (array)
            {
                result.Name = name;
            }

            return result;
        }
    }
}
