using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// The order Liquibase runs changelogs in: the master changelog's <c>include</c> and <c>includeAll</c> entries (XML,
/// YAML or JSON), depth first, in the order they are written — <c>includeAll</c> taking a folder's changelogs by name.
/// File names say nothing about it (<c>001-create.xml</c> may be included after <c>release-2.yaml</c>).
/// </summary>
internal static partial class LiquibaseIncludes
{
    private const int MaxChangelogs = 2000;

    /// <summary>The changelog files that run before <paramref name="path"/>, in run order; null when no changelog includes another.</summary>
    public static IReadOnlyList<string>? Before(string path, RepositoryFiles files)
    {
        var changelogs = files.HeadFiles.Where(IsChangelog).Take(MaxChangelogs).ToList();
        var includes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var changelog in changelogs.Where(p => !p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)))
        {
            var text = files.ReadHead(changelog);
            if (text is not null && text.Contains("include", StringComparison.Ordinal))
            {
                var list = Included(changelog, text, changelogs);
                if (list.Count > 0)
                {
                    includes[changelog] = list;
                }
            }
        }

        if (includes.Count == 0)
        {
            return null;
        }

        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string file)
        {
            if (!seen.Add(file))
            {
                return;
            }

            if (!includes.TryGetValue(file, out var children))
            {
                order.Add(file);
                return;
            }

            foreach (var child in children)
            {
                Visit(child);
            }
        }

        var included = includes.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        foreach (var root in includes.Keys.Where(k => !included.Contains(k)).Order(StringComparer.Ordinal))
        {
            Visit(root);
        }

        var at = order.IndexOf(path);
        return at < 0 ? [] : order.Take(at).ToList();
    }

    private static bool IsChangelog(string path) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files one changelog includes, in the order it includes them.</summary>
    private static List<string> Included(string changelog, string text, IReadOnlyList<string> changelogs)
    {
        var result = new List<string>();
        foreach (Match include in Include().Matches(text))
        {
            var attributes = include.Groups["attributes"].Value;
            if (Target().Match(attributes) is not { Success: true } target)
            {
                continue;
            }

            var value = target.Groups["value"].Value.Replace("classpath:", string.Empty, StringComparison.Ordinal).Replace('\\', '/');
            var relative = RelativeToChangelog().IsMatch(attributes);
            if (include.Groups["all"].Success)
            {
                var folder = Resolve(changelog, value.TrimEnd('/'), relative, changelogs, folder: true);
                result.AddRange(folder is null ? [] : changelogs.Where(p => RepoPath.IsUnder(p, folder) && p != changelog).Order(StringComparer.Ordinal));
            }
            else if (Resolve(changelog, value, relative, changelogs, folder: false) is { } file)
            {
                result.Add(file);
            }
        }

        return result;
    }

    /// <summary>
    /// A path as Liquibase finds it: beside the changelog when it says <c>relativeToChangelogFile</c>, else on the
    /// classpath or search path — the repository file (or folder) whose path ends with it, nearest the changelog first.
    /// </summary>
    internal static string? Resolve(string changelog, string value, bool relative, IReadOnlyList<string> changelogs, bool folder)
    {
        if (relative)
        {
            return RepoPath.Combine(RepoPath.Directory(changelog), value);
        }

        var suffix = "/" + value.TrimStart('/');
        var candidates = folder
            ? changelogs.Select(RepoPath.Directory).Distinct().Where(d => ("/" + d).EndsWith(suffix, StringComparison.Ordinal) || d == value.TrimStart('/'))
            : changelogs.Where(p => ("/" + p).EndsWith(suffix, StringComparison.Ordinal));
        return candidates.OrderByDescending(c => c.AsSpan().CommonPrefixLength(changelog)).FirstOrDefault();
    }

    // XML <include file="…"/>, YAML "- include:\n    file: …", JSON "include": { "file": "…" }: the text up to the next include.
    [GeneratedRegex(@"\binclude(?<all>All)?\b(?<attributes>(?:(?!\binclude(?:All)?\b)[\s\S]){0,400})")]
    private static partial Regex Include();

    [GeneratedRegex(@"\b(?:file|path)""?\s*[=:]\s*[""']?(?<value>[^""'\s>,}]+)")]
    private static partial Regex Target();

    [GeneratedRegex(@"relativeToChangelogFile""?\s*[=:]\s*[""']?true", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeToChangelog();
}
