namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Whether a regular expression, anchored at both ends, admits only identifier text — letters, digits, underscores and
/// dots (<c>schema.table</c>) — so a value it matched cannot close a quote, end a statement or start a comment. Read
/// conservatively: any construct not listed (<c>.</c>, a negated class, <c>\s</c>, a dash outside a range, a
/// lookaround) makes the answer no.
/// </summary>
internal static class IdentifierPattern
{
    public static bool Admits(string pattern)
    {
        var start = pattern.StartsWith("^", System.StringComparison.Ordinal) ? 1 : pattern.StartsWith("\\A", System.StringComparison.Ordinal) ? 2 : -1;
        var end = pattern.EndsWith("\\z", System.StringComparison.Ordinal) || pattern.EndsWith("\\Z", System.StringComparison.Ordinal) ? pattern.Length - 2
            : pattern.EndsWith("$", System.StringComparison.Ordinal) && !pattern.EndsWith("\\$", System.StringComparison.Ordinal) ? pattern.Length - 1 : -1;
        if (start < 0 || end < start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = pattern[i];
            if (IsWordChar(c) || c is '*' or '+' or '?' or '(' or ')' or '|' or ':')
            {
                continue;
            }

            switch (c)
            {
                case '{':
                    // A count: {2}, {1,30}.
                    var close = pattern.IndexOf('}', i);
                    if (close < 0 || close >= end || !IsCount(pattern, i + 1, close))
                    {
                        return false;
                    }

                    i = close;
                    continue;
                case '\\' when i + 1 < end && pattern[i + 1] is 'w' or 'd' or '.' or '_':
                    i++;
                    continue;
                case '[':
                    var classEnd = ClassEnd(pattern, i + 1, end);
                    if (classEnd < 0)
                    {
                        return false;
                    }

                    i = classEnd;
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The closing ']' of a class of word characters and ranges between them, or -1.</summary>
    private static int ClassEnd(string pattern, int from, int end)
    {
        if (from < end && pattern[from] == '^')
        {
            return -1; // a negated class admits everything else
        }

        for (var i = from; i < end; i++)
        {
            var c = pattern[i];
            if (c == ']')
            {
                return i > from ? i : -1;
            }

            if (IsWordChar(c))
            {
                continue;
            }

            if (c == '-' && i > from && i + 1 < end && IsWordChar(pattern[i - 1]) && IsWordChar(pattern[i + 1]))
            {
                continue; // a range such as a-z
            }

            if (c == '\\' && i + 1 < end && pattern[i + 1] is 'w' or 'd' or '.' or '_')
            {
                i++;
                continue;
            }

            if (c == '.')
            {
                continue; // a dot inside a class is a literal dot
            }

            return -1;
        }

        return -1;
    }

    private static bool IsCount(string pattern, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsDigit(pattern[i]) && pattern[i] != ',')
            {
                return false;
            }
        }

        return to > from;
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
