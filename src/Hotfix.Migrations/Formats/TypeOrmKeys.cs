using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// TypeORM's keys from the object literals of its QueryRunner API: <c>columnNames: [...]</c> and
/// <c>referencedTableName</c> of a TableForeignKey, TableIndex or TableUnique, and in <c>new Table({…})</c> the
/// <c>foreignKeys</c>, <c>indices</c> and <c>uniques</c> lists and the columns marked <c>isPrimary</c>/<c>isUnique</c>.
/// </summary>
internal static partial class TypeOrmKeys
{
    public static IEnumerable<IReadOnlyList<string>> ColumnLists(string text) =>
        ColumnNames().Matches(text).Select(m => KeyColumnText.Names(m.Groups["list"].Value)).OfType<IReadOnlyList<string>>();

    /// <summary>Each <c>columnNames</c> list with the <c>referencedTableName</c> that follows it, as a foreign key.</summary>
    public static IEnumerable<MigrationOperation> ForeignKeys(string text, string? table, int line)
    {
        foreach (Match m in ForeignKey().Matches(text))
        {
            yield return new MigrationOperation(MigrationOperationKind.AddConstraint)
            {
                Table = table, Constraint = ConstraintKind.ForeignKey, KeyColumns = KeyColumnText.Names(m.Groups["list"].Value),
                ReferencedTable = m.Groups["table"].Value, Line = line,
            };
        }
    }

    /// <summary>The keys a <c>new Table({…})</c> declares.</summary>
    public static List<MigrationOperation> OfTable(string text, string? table, int line)
    {
        var keys = new List<MigrationOperation>();
        keys.AddRange(ForeignKeys(Section(text, "foreignKeys"), table, line));
        foreach (var list in ColumnLists(Section(text, "indices")))
        {
            keys.Add(new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = table, KeyColumns = list, Line = line });
        }

        foreach (var list in ColumnLists(Section(text, "uniques")))
        {
            keys.Add(new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.Unique, KeyColumns = list, Line = line });
        }

        foreach (Match column in ColumnObject().Matches(Section(text, "columns")))
        {
            var body = column.Value;
            var name = ColumnName().Match(body);
            var kind = body.Contains("isPrimary: true", StringComparison.Ordinal) ? ConstraintKind.PrimaryKey
                : body.Contains("isUnique: true", StringComparison.Ordinal) ? ConstraintKind.Unique : ConstraintKind.Unknown;
            if (name.Success && kind != ConstraintKind.Unknown)
            {
                keys.Add(new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table, Constraint = kind, KeyColumns = [name.Groups[1].Value], Line = line });
            }
        }

        return keys;
    }

    /// <summary>The bracketed list after <c>key:</c>, or empty.</summary>
    private static string Section(string text, string key)
    {
        var match = Regex.Match(text, @"\b" + key + @"\s*:\s*\[", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return string.Empty;
        }

        var depth = 0;
        for (var k = match.Index + match.Length - 1; k < text.Length; k++)
        {
            depth += text[k] == '[' ? 1 : text[k] == ']' ? -1 : 0;
            if (depth == 0)
            {
                return text[match.Index..(k + 1)];
            }
        }

        return text[match.Index..];
    }

    [GeneratedRegex(@"columnNames\s*:\s*(?<list>\[[^\]]*\])")]
    private static partial Regex ColumnNames();

    [GeneratedRegex("""columnNames\s*:\s*(?<list>\[[^\]]*\])[^}]*?referencedTableName\s*:\s*["'`](?<table>[^"'`]+)["'`]""")]
    private static partial Regex ForeignKey();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex ColumnObject();

    [GeneratedRegex("""\bname\s*:\s*["'`]([^"'`]+)["'`]""")]
    private static partial Regex ColumnName();
}
