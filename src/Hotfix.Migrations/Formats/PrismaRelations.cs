using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Formats;

/// <summary>A relation of a Prisma model whose scalar fields no index starts with, under <c>relationMode = "prisma"</c>.</summary>
internal sealed record UnindexedRelation(string Path, string Model, IReadOnlyList<string> Fields, string Referenced, int Line);

/// <summary>
/// Prisma with <c>relationMode = "prisma"</c> (PlanetScale, and other databases without foreign keys) emulates relations
/// in the client: the migration SQL has no foreign key, the database creates no index for it, and Prisma's
/// documentation asks for an <c>@@index</c> on each relation's fields. This reads a schema.prisma for the relations the
/// hotfix adds (present at head, not at the merge base) whose first field no <c>@@index</c>, <c>@@unique</c>,
/// <c>@@id</c>, <c>@id</c> or <c>@unique</c> starts with.
/// </summary>
internal static partial class PrismaRelations
{
    public static IReadOnlyList<UnindexedRelation> AddedWithoutIndex(string path, string? head, string? before)
    {
        if (head is null || !RelationModePrisma().IsMatch(head))
        {
            return [];
        }

        var existing = before is null ? [] : Relations(path, before).Select(r => r.Model + ":" + string.Join(",", r.Fields)).ToHashSet(StringComparer.Ordinal);
        return Relations(path, head).Where(r => !existing.Contains(r.Model + ":" + string.Join(",", r.Fields))).ToList();
    }

    private static IEnumerable<UnindexedRelation> Relations(string path, string text)
    {
        foreach (Match model in Model().Matches(text))
        {
            var body = model.Groups["body"].Value;
            var bodyLine = text[..model.Groups["body"].Index].Count(c => c == '\n') + 1;
            var leading = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match index in BlockIndex().Matches(body))
            {
                if (KeyColumnText.Names(index.Groups["fields"].Value)?.FirstOrDefault() is { } first)
                {
                    leading.Add(first.Split('(')[0]);
                }
            }

            var lines = body.Split('\n');
            foreach (var line in lines)
            {
                if (FieldIndex().Match(line) is { Success: true } field)
                {
                    leading.Add(field.Groups["name"].Value);
                }
            }

            for (var k = 0; k < lines.Length; k++)
            {
                if (Relation().Match(lines[k]) is not { Success: true } relation)
                {
                    continue;
                }

                var fields = KeyColumnText.Names(relation.Groups["fields"].Value);
                if (fields is null || leading.Contains(fields[0]))
                {
                    continue;
                }

                yield return new UnindexedRelation(path, model.Groups["name"].Value, fields, relation.Groups["type"].Value, bodyLine + k);
            }
        }
    }

    [GeneratedRegex("""\b(?:relationMode|referentialIntegrity)\s*=\s*"prisma"\s""")]
    private static partial Regex RelationModePrisma();

    [GeneratedRegex(@"(?m)^\s*model\s+(?<name>\w+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex Model();

    [GeneratedRegex(@"@@(?:index|unique|id)\(\s*(?:fields\s*:\s*)?(?<fields>\[[^\]]*\])")]
    private static partial Regex BlockIndex();

    [GeneratedRegex(@"^\s*(?<name>\w+)\s+\w+[?\[\]]*\s.*@(?:id|unique)\b")]
    private static partial Regex FieldIndex();

    [GeneratedRegex(@"^\s*\w+\s+(?<type>\w+)\??\s.*@relation\([^)]*\bfields\s*:\s*(?<fields>\[[^\]]*\])")]
    private static partial Regex Relation();
}
