using System.Globalization;
using System.Text.Json;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// drizzle-kit's <c>meta/NNNN_snapshot.json</c>: the whole schema after migration NNNN. The snapshot before a migration is
/// the one with the highest number below the migration's own, and it knows every table even when the migration files
/// that created them were squashed away.
/// </summary>
internal static class DrizzleSnapshot
{
    public static IEnumerable<(string Table, IReadOnlyList<(string Column, string? Type)> Columns)> Before(string upPath, RepositoryFiles files)
    {
        if (Number(RepoPath.FileName(upPath)) is not { } own)
        {
            return [];
        }

        var meta = RepoPath.Combine(RepoPath.Directory(upPath), "meta");
        var previous = files.FilesIn(meta)
            .Where(p => p.EndsWith("_snapshot.json", StringComparison.Ordinal))
            .Select(p => (Path: p, Number: Number(RepoPath.FileName(p))))
            .Where(s => s.Number < own)
            .OrderBy(s => s.Number)
            .LastOrDefault();
        return previous.Path is null ? [] : Tables(files.ReadHead(previous.Path));
    }

    private static List<(string Table, IReadOnlyList<(string Column, string? Type)> Columns)> Tables(string? json)
    {
        var result = new List<(string, IReadOnlyList<(string, string?)>)>();
        if (json is null)
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var table in tables.EnumerateObject())
            {
                var name = table.Value.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : table.Name;
                var columns = table.Value.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Object
                    ? c.EnumerateObject().Select(column => (column.Name, column.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)).ToList()
                    : [];
                result.Add((name, columns));
            }
        }
        catch (JsonException)
        {
            // A snapshot that does not parse adds nothing to the history; the migration is still judged.
        }

        return result;
    }

    private static int? Number(string fileName)
    {
        var digits = new string(fileName.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
