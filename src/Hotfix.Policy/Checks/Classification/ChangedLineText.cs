using System.Text;
using System.Text.RegularExpressions;
using Hotfix.Policy.Changes;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// A change's added and deleted lines as one text, each line followed by a NUL, so that a pattern is run once per file
/// rather than once per line: on the short lines of a diff a regex call is mostly set-up (about 1,300 instructions
/// each; <c>check</c> on 200 files made 3,000 of them — benchmarks/README.md, "Change analysis, sixth pass").
/// </summary>
/// <remarks>
/// The first match in this text is in the first line that has a match, and it is the match that line alone gives,
/// provided the pattern has no element that can match NUL (no <c>.</c>, no negated class: <see cref="CannotMatchNul"/>):
/// then no match spans two lines, and a NUL is a non-word character like the start and end of a line, so <c>\b</c>
/// at a line's edge reads the same.
/// </remarks>
internal sealed class ChangedLineText
{
    private readonly string text;
    private readonly int[] starts;
    private readonly DiffLine[] lines;

    private ChangedLineText(string text, int[] starts, DiffLine[] lines)
    {
        this.text = text;
        this.starts = starts;
        this.lines = lines;
    }

    public static ChangedLineText Of(FileChange change)
    {
        var lines = change.Hunks.SelectMany(h => h.Lines).Where(l => l.Kind != DiffLineKind.Context).ToArray();
        var starts = new int[lines.Length];
        var text = new StringBuilder(lines.Sum(l => l.Text.Length + 1));
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i] = text.Length;
            text.Append(lines[i].Text).Append('\0');
        }

        return new ChangedLineText(text.ToString(), starts, lines);
    }

    /// <summary>The first added or deleted line in which <paramref name="pattern"/> matches, or null.</summary>
    public DiffLine? FirstMatch(Regex pattern)
    {
        foreach (var match in pattern.EnumerateMatches(text))
        {
            var line = Array.BinarySearch(starts, match.Index);
            return lines[line >= 0 ? line : ~line - 1];
        }

        return null;
    }

    /// <summary>Whether the pattern's text has no element that can match NUL: no unescaped <c>.</c> outside a class, no negated class.</summary>
    public static bool CannotMatchNul(Regex pattern)
    {
        var source = pattern.ToString();
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            switch (source[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    if (i + 1 < source.Length && source[i + 1] == '^')
                    {
                        return false;
                    }

                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '.' when !inClass:
                    return false;
            }
        }

        return true;
    }
}
