namespace Hotfix.Cli.Infrastructure;

/// <summary>"Did you mean …?": the names closest to a mistyped one (edit distance, a swap counting as one edit).</summary>
internal static class Suggestions
{
    /// <summary>The candidates within reach of <paramref name="typed"/>, closest first; a prefix counts as close.</summary>
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> candidates)
    {
        // Short names tolerate one mistake, longer ones two (as git's and kubectl's suggestions roughly do).
        var reach = typed.TrimStart('-').Length <= 4 ? 1 : 2;
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= reach || (typed.Length >= 3 && c.Name.StartsWith(typed, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Take(3)
            .ToList();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
