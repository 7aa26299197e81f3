namespace Hotfix.Policy.Paths;

/// <summary>
/// Text every path a glob matches must contain, tested before the glob's regular expression runs: the longest run of
/// plain characters outside braces, and for each <c>{a,b}</c> group one of its alternatives' own longest runs. Most
/// paths a check tests match few of the policy's hundred-odd globs, and a substring search rules them out for a
/// fraction of a match's cost — the regex interpreter's backtracking through <c>(?:.*/)?</c> is the expensive part.
/// </summary>
/// <remarks>
/// Only necessary conditions are tested, so the answer is always the expression's: a path that passes still goes to it.
/// Where the pattern starts or ends with plain text, the path must start or end with it; that test is a comparison at
/// one place instead of a search, and it comes first: most of the runbook's globs are "*.ext" or "dir/" shapes, and the
/// substring search is skipped when the anchored text already contains the literal.
/// The brace groups matter for globs whose plain text is short: <c>*{Authentication,Authorization}*</c> has none at
/// all, <c>*.{tsx,jsx,vue}</c> only ".", <c>**/{frontend,web}/**</c> only "/" — on a 200-file change they were most
/// of the expressions run (benchmarks/README.md, change analysis).
/// </remarks>
internal sealed class GlobPrefilter
{
    private readonly string? literal;
    private readonly string[][] groups;
    private readonly string prefix;
    private readonly string suffix;

    private GlobPrefilter(string literal, string[][] groups, string prefix, string suffix)
    {
        // The path contains whatever it starts or ends with: the search would only repeat the anchored test.
        this.literal = prefix.Contains(literal, StringComparison.Ordinal) || suffix.Contains(literal, StringComparison.Ordinal) ? null : literal;
        this.groups = groups;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /// <summary>The filter of a pattern <see cref="Glob.TryParse"/> accepted (braces balanced, not nested).</summary>
    public static GlobPrefilter Of(string pattern)
    {
        var p = pattern.TrimStart('/');
        var outside = new List<string>();
        var groups = new List<string[]>();
        var start = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == '{')
            {
                var end = p.IndexOf('}', i);
                outside.Add(p[start..i]);

                // A group with an alternative that has no plain text ("{,x}", "{*,x}") requires nothing: not kept.
                var alternatives = p[(i + 1)..end].Split(',').Select(LongestRun).ToArray();
                if (alternatives.All(a => a.Length > 0))
                {
                    groups.Add(alternatives.Distinct(StringComparer.Ordinal).ToArray());
                }

                start = end + 1;
                i = end;
            }
        }

        outside.Add(p[start..]);
        var literal = outside.Select(LongestRun).MaxBy(run => run.Length) ?? string.Empty;
        return new GlobPrefilter(literal, [.. groups], Prefix(pattern, p), Suffix(p));
    }

    /// <summary>
    /// The plain text a pattern anchored at the root starts with ("src/Orders/" of "src/Orders/**"). A pattern without
    /// '/' matches at any depth and is anchored nowhere.
    /// </summary>
    private static string Prefix(string pattern, string p) =>
        pattern.Contains('/', StringComparison.Ordinal) ? p[..FirstWildcard(p)] : string.Empty;

    /// <summary>
    /// The plain text after the pattern's last wildcard or brace group (".csproj" of "*.csproj", all of "Dockerfile"). A
    /// pattern ending in '/' ends in "**" and has none.
    /// </summary>
    private static string Suffix(string p)
    {
        if (p.EndsWith('/'))
        {
            return string.Empty;
        }

        var last = p.AsSpan().LastIndexOfAny('*', '?', '}');
        var start = last + 1;

        // "**/" also matches nothing, slash included: "**/models.py" matches "models.py", so its suffix is "models.py".
        if (last >= 1 && p[last] == '*' && p[last - 1] == '*' && start < p.Length && p[start] == '/')
        {
            start++;
        }

        return p[start..];
    }

    private static int FirstWildcard(string p)
    {
        var index = p.AsSpan().IndexOfAny('*', '?', '{');
        return index < 0 ? p.Length : index;
    }

    /// <summary>False when <paramref name="path"/> cannot match; true when it may.</summary>
    public bool MayMatch(string path)
    {
        if (!EndsWith(path, suffix) || (prefix.Length > 0 && !path.AsSpan().TrimStart('/').StartsWith(prefix.AsSpan())))
        {
            return false;
        }

        if (literal != null && !path.Contains(literal, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var alternatives in groups)
        {
            if (!ContainsAny(path, alternatives))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the path ends with the suffix, or with the suffix and one newline: the expression ends in '$', which also
    /// matches before a final "\n" (git allows one in a file name).
    /// </summary>
    private static bool EndsWith(string path, string suffix)
    {
        if (suffix.Length == 0)
        {
            return true;
        }

        // Most globs are ruled out by the path's last character alone, before any span is compared.
        if (path.Length == 0 || (path[^1] != suffix[^1] && path[^1] != '\n'))
        {
            return false;
        }

        var text = path.AsSpan();
        return text.EndsWith(suffix.AsSpan()) || (text[^1] == '\n' && text[..^1].EndsWith(suffix.AsSpan()));
    }

    private static bool ContainsAny(string path, string[] alternatives)
    {
        foreach (var alternative in alternatives)
        {
            if (path.Contains(alternative, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The longest run of plain characters in brace-free glob text. A "**/" is all wildcard — it also matches nothing,
    /// slash included ("**/Migrations/**" matches "Migrations/x.cs").
    /// </summary>
    private static string LongestRun(string text)
    {
        var longest = string.Empty;
        var runStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('*' or '?'))
            {
                continue;
            }

            if (i - runStart > longest.Length)
            {
                longest = text[runStart..i];
            }

            if (i + 2 < text.Length && text[i] == '*' && text[i + 1] == '*' && text[i + 2] == '/')
            {
                i += 2;
            }

            runStart = i + 1;
        }

        return longest;
    }
}
