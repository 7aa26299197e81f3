namespace Hotfix.Migrations.Detection;

/// <summary>
/// Migration file names in the order their tools run them: runs of digits compare as numbers (<c>V9__</c> before
/// <c>V10__</c>, <c>V1_2__</c> before <c>V1_10__</c>), everything else ordinally; a Flyway version is a list of numbers
/// (<c>V1__</c> before <c>V1_1__</c>, which text puts first). Written out rather than taken from
/// <c>CompareOptions.NumericOrdering</c>, which the CLI's invariant globalization ignores.
/// </summary>
internal sealed partial class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        if (FlywayVersion().Match(x) is { Success: true } vx && FlywayVersion().Match(y) is { Success: true } vy)
        {
            var byVersion = CompareVersions(vx.Groups["version"].Value, vy.Groups["version"].Value);
            if (byVersion != 0)
            {
                return byVersion;
            }
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (xs, xe) = Digits(x, ref i);
                var (ys, ye) = Digits(y, ref j);
                var byValue = CompareNumbers(x.AsSpan(xs, xe - xs), y.AsSpan(ys, ye - ys));
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        // Equal up to the shorter one (numbers equal in value): the shorter first, then ordinal for a total order.
        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>The run of digits at <paramref name="at"/> without its leading zeros; moves past the run.</summary>
    private static (int Start, int End) Digits(string s, ref int at)
    {
        while (at < s.Length - 1 && s[at] == '0' && char.IsAsciiDigit(s[at + 1]))
        {
            at++;
        }

        var start = at;
        while (at < s.Length && char.IsAsciiDigit(s[at]))
        {
            at++;
        }

        return (start, at);
    }

    private static int CompareVersions(string a, string b)
    {
        var x = a.Split('.', '_');
        var y = b.Split('.', '_');
        for (var k = 0; k < Math.Min(x.Length, y.Length); k++)
        {
            var byPart = CompareNumbers(x[k].AsSpan().TrimStart('0'), y[k].AsSpan().TrimStart('0'));
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int CompareNumbers(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[VU](?<version>\d+(?:[._]\d+)*)__")]
    private static partial System.Text.RegularExpressions.Regex FlywayVersion();
}
