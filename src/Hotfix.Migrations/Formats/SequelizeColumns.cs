using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Sequelize's attribute definitions — <c>{ type: Sequelize.STRING(100), allowNull: false }</c>, or a data type alone —
/// as the SQL type and nullability the query generator writes for them.
/// </summary>
internal static partial class SequelizeColumns
{
    /// <summary>The attributes of a <c>createTable</c> object literal, in order: each name with its definition's text.</summary>
    public static IEnumerable<(string Name, string Definition)> Attributes(string objectLiteral)
    {
        var text = objectLiteral.Trim();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}')
        {
            yield break;
        }

        var code = new CodeText(text, SourceLanguage.JavaScript);
        foreach (var (start, end) in code.SplitTopLevel(1, text.Length - 1))
        {
            if (Attribute().Match(text[start..end]) is { Success: true } attribute)
            {
                yield return (attribute.Groups["name"].Value, attribute.Groups["definition"].Value);
            }
        }
    }

    /// <summary>The SQL type of a definition (<c>type: Sequelize.STRING(100)</c> → varchar(100)), or null when it names none known.</summary>
    public static string? Type(string definition) =>
        TypeOption().Match(definition) is { Success: true } type ? SqlType(type.Groups["type"].Value, type.Groups["args"].Value)
        : BareType().Match(definition) is { Success: true } bare ? SqlType(bare.Groups["type"].Value, bare.Groups["args"].Value)
        : null;

    /// <summary>Whether <c>createTable</c> lets the attribute hold NULL: not with <c>allowNull: false</c>, a primary key or an auto-increment.</summary>
    public static bool AllowsNullAsCreated(string definition) =>
        !AllowNullFalse().IsMatch(definition) && !PrimaryKey().IsMatch(definition) && !AutoIncrement().IsMatch(definition);

    /// <summary>
    /// What <c>changeColumn</c> leaves of the nullability: it restates the attribute, so without <c>allowNull: false</c>
    /// PostgreSQL's query generator writes <c>DROP NOT NULL</c> (unless the definition references another table, when it
    /// writes nothing) and MySQL's <c>CHANGE</c> a definition that allows NULL.
    /// </summary>
    public static bool? AllowsNullAsChanged(string definition, MigrationDatabase database) =>
        AllowNullFalse().IsMatch(definition) ? false
        : database != MigrationDatabase.MySql && References().IsMatch(definition) ? null
        : true;

    /// <summary>Whether the definition says <c>allowNull</c> at all (addColumn leaves it to the database otherwise).</summary>
    public static bool? AllowNull(string definition) =>
        AllowNullOption().Match(definition) is { Success: true } allow ? allow.Groups[1].Value == "true" : null;

    /// <summary>
    /// Whether the definition gives the column a default in the database. <c>Sequelize.UUIDV4</c>, <c>UUIDV1</c> and
    /// <c>NOW</c> are filled in by Sequelize's models when they insert: the query generator writes no <c>DEFAULT</c> for
    /// them (they are not "schemable"), so the column has none.
    /// </summary>
    public static bool HasDatabaseDefault(string definition) =>
        definition.Contains("defaultValue", StringComparison.Ordinal) && !ModelSideDefault().IsMatch(definition);

    /// <summary>The SQL type of a Sequelize data type: <c>STRING(100)</c> → varchar(100).</summary>
    private static string? SqlType(string name, string args)
    {
        var a = args.Trim();
        return name switch
        {
            "STRING" => $"varchar({(a.Length > 0 ? a : "255")})",
            "CHAR" => $"char({(a.Length > 0 ? a : "255")})",
            "TEXT" or "CITEXT" => "text",
            "INTEGER" => "integer",
            "BIGINT" => "bigint",
            "SMALLINT" => "smallint",
            "TINYINT" => "tinyint",
            "BOOLEAN" => "boolean",
            "FLOAT" or "REAL" => "real",
            "DOUBLE" => "double",
            "DECIMAL" => a.Length > 0 ? $"numeric({a.Replace(" ", string.Empty, StringComparison.Ordinal)})" : "numeric",
            "DATE" => "timestamptz",
            "DATEONLY" => "date",
            "TIME" => "time",
            "UUID" => "uuid",
            "JSON" => "json",
            "JSONB" => "jsonb",
            "BLOB" => "binary",
            _ => null,
        };
    }

    [GeneratedRegex("""^["'`]?(?<name>\w+)["'`]?\s*:\s*(?<definition>.*)$""", RegexOptions.Singleline)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\btype\s*:\s*(?:new\s+)?(?:Sequelize|DataTypes|S)\.(?<type>[A-Z]+)(?:\((?<args>[^)]*)\))?")]
    private static partial Regex TypeOption();

    [GeneratedRegex(@"^\s*(?:Sequelize|DataTypes|S)\.(?<type>[A-Z]+)(?:\((?<args>[^)]*)\))?")]
    private static partial Regex BareType();

    [GeneratedRegex(@"\bdefaultValue\s*:\s*(?:new\s+)?(?:Sequelize|DataTypes|S)\.(?:UUIDV4|UUIDV1|NOW)\b")]
    private static partial Regex ModelSideDefault();

    [GeneratedRegex(@"\ballowNull\s*:\s*(true|false)")]
    private static partial Regex AllowNullOption();

    [GeneratedRegex(@"\ballowNull\s*:\s*false")]
    private static partial Regex AllowNullFalse();

    [GeneratedRegex(@"\bprimaryKey\s*:\s*true")]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"\bautoIncrement\s*:\s*true")]
    private static partial Regex AutoIncrement();

    [GeneratedRegex(@"\breferences\s*:")]
    private static partial Regex References();
}
