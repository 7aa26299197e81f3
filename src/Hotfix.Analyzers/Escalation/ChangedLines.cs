using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hotfix.Analyzers.Escalation;

/// <summary>
/// The lines a hotfix added or changed, per repository-relative path, read from the manifest that the package's build
/// targets write (<c>git diff --unified=0</c> against the merge base with main, plus <c>?? path</c> lines for untracked
/// files, which are new in their entirety).
/// </summary>
/// <remarks>
/// Only the diff's file headers and hunk headers are read; hunk bodies are skipped by what they start with ('+', '-',
/// ' ' or '\'), so code that looks like a header cannot confuse the parser. A hunk that only deletes lines marks the
/// lines on both sides of the gap: the statement the deletion cut through is part of the change (think of a removed
/// <c>.Where(...)</c> line in the middle of a query).
/// </remarks>
internal sealed class ChangedLines
{
    /// <summary>The file name of the manifest among the compilation's additional files.</summary>
    public const string ManifestFileName = "Hotfix.ChangedLines.diff";

    private const int WholeFile = int.MaxValue;

    private readonly Dictionary<string, List<LineRange>> byPath;

    private ChangedLines(Dictionary<string, List<LineRange>> byPath) => this.byPath = byPath;

    public static ChangedLines Empty { get; } = new(new Dictionary<string, List<LineRange>>(StringComparer.Ordinal));

    public int FileCount => byPath.Count;

    public static ChangedLines Parse(IEnumerable<string> lines)
    {
        var byPath = new Dictionary<string, List<LineRange>>(StringComparer.Ordinal);
        List<LineRange>? current = null;
        var inFileHeader = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                inFileHeader = true;
            }
            else if (line.StartsWith("?? ", StringComparison.Ordinal))
            {
                current = null;
                inFileHeader = false;
                RangesOf(byPath, Unquote(line.Substring(3))).Add(new LineRange(1, WholeFile));
            }
            else if (inFileHeader && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = Unquote(line.Substring(4).TrimEnd('\t'));
                current = path.StartsWith("b/", StringComparison.Ordinal) ? RangesOf(byPath, path.Substring(2)) : null;
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                inFileHeader = false;
                if (current != null && TryParseHunk(line, out var range))
                {
                    current.Add(range);
                }
            }
        }

        foreach (var ranges in byPath.Values)
        {
            ranges.Sort((a, b) => a.First.CompareTo(b.First));
        }

        return new ChangedLines(byPath);
    }

    /// <summary>Whether any line in [<paramref name="firstLine"/>, <paramref name="lastLine"/>] (1-based) of the file changed.</summary>
    public bool Intersects(string relativePath, int firstLine, int lastLine)
    {
        if (!byPath.TryGetValue(relativePath, out var ranges))
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (range.First > lastLine)
            {
                return false;
            }

            if (range.Last >= firstLine)
            {
                return true;
            }
        }

        return false;
    }

    private static List<LineRange> RangesOf(Dictionary<string, List<LineRange>> byPath, string path)
    {
        if (!byPath.TryGetValue(path, out var ranges))
        {
            ranges = new List<LineRange>();
            byPath.Add(path, ranges);
        }

        return ranges;
    }

    /// <summary>Reads the new side of <c>@@ -a[,b] +c[,d] @@</c>.</summary>
    private static bool TryParseHunk(string line, out LineRange range)
    {
        range = default;
        var plus = line.IndexOf(" +", 2, StringComparison.Ordinal);
        if (plus < 0)
        {
            return false;
        }

        var end = line.IndexOf(' ', plus + 2);
        var spec = end < 0 ? line.Substring(plus + 2) : line.Substring(plus + 2, end - plus - 2);
        var comma = spec.IndexOf(',');
        if (!int.TryParse(comma < 0 ? spec : spec.Substring(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        var count = 1;
        if (comma >= 0 && !int.TryParse(spec.Substring(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return false;
        }

        range = count == 0
            ? new LineRange(Math.Max(1, start), start + 1) // pure deletion after line `start`: both neighbours of the gap
            : new LineRange(start, start + count - 1);
        return true;
    }

    /// <summary>Undoes git's C-style quoting of unusual paths (<c>"b/a\"b.cs"</c>, octal escapes for raw bytes).</summary>
    private static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[path.Length - 1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < path.Length - 1; i++)
        {
            var c = path[i];
            if (c != '\\' || i + 1 >= path.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = path[++i];
            if (i + 2 < path.Length - 1 && IsOctal(next) && IsOctal(path[i + 1]) && IsOctal(path[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(path.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add((byte)(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => next }));
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c >= '0' && c <= '7';

    private readonly struct LineRange
    {
        public LineRange(int first, int last)
        {
            First = first;
            Last = last;
        }

        public int First { get; }

        public int Last { get; }
    }
}
