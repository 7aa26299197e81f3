namespace Hotfix.Policy.Paths;

/// <summary>
/// Text every path a glob matches must contain, tested before the glob's regular expression runs: the longest run of
/// plain characters outside braces, and for each <c>{a,b}</c> group one of its alternatives' own longest runs. Most
/// paths a check tests match few of the policy's hundred-odd globs, and a substring search rules them out for a
/// fraction of a match's cost — the regex interpreter's backtracking through <c>(?:.*/)?</c> is the expensive part.
/// </summary>
/// <remarks>
/// Only necessary conditions are tested, so the answer is always the expression's: a path that passes still goes to it.
/// The brace groups matter for globs whose plain text is short: <c>*{Authentication,Authorization}*</c> has none at
/// all, <c>*.{tsx,jsx,vue}</c> only ".", <c>**/{frontend,web}/**</c> only "/" — on a 200-file change they were most
/// of the expressions run (benchmarks/README.md, change analysis).
/// </remarks>
internal sealed class GlobPrefilter
{
    private readonly string literal;
    private readonly string[][] groups;

    private GlobPrefilter(string literal, string[][] groups)
    {
        this.literal = literal;
        this.groups = groups;
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
        return new GlobPrefilter(literal, [.. groups]);
    }

    /// <summary>False when <paramref name="path"/> cannot match; true when it may.</summary>
    public bool MayMatch(string path)
    {
        if (!path.Contains(literal, StringComparison.Ordinal))
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
