using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// A column TypeORM's QueryRunner API is given — <c>new TableColumn({ name: "bio", type: "varchar", length: "500" })</c> —
/// as its name, SQL type (<c>varchar(500)</c>) and nullability (a TableColumn is NOT NULL unless <c>isNullable: true</c>).
/// </summary>
internal sealed record TypeOrmColumn(string? Name, string? Type, bool Nullable, bool HasDefault);

internal static partial class TypeOrmColumns
{
    /// <summary>The column an argument spells out as an object literal; null for a name or a variable.</summary>
    public static TypeOrmColumn? Parse(string? raw)
    {
        if (raw is null || !raw.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var type = Text(raw, "type");
        var size = Number(raw, "length") ?? (Number(raw, "precision") is { } precision ? precision + (Number(raw, "scale") is { } scale ? "," + scale : string.Empty) : null);
        return new TypeOrmColumn(
            Text(raw, "name"),
            type is null ? null : size is null ? type : $"{type}({size})",
            IsNullableTrue().IsMatch(raw),
            Default().IsMatch(raw));
    }

    private static string? Text(string raw, string property) =>
        Regex.Match(raw, @"\b" + property + """\s*:\s*["'`]([^"'`]+)["'`]""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } m
            ? m.Groups[1].Value : null;

    private static string? Number(string raw, string property) =>
        Regex.Match(raw, @"\b" + property + """\s*:\s*["'`]?(\d+)["'`]?""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } m
            ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\bisNullable\s*:\s*true")]
    private static partial Regex IsNullableTrue();

    // A default, or a value the database makes itself (an identity, a uuid, a computed column).
    [GeneratedRegex(@"\bdefault\s*:|\bisGenerated\s*:\s*true|\bgeneratedType\s*:")]
    private static partial Regex Default();
}
