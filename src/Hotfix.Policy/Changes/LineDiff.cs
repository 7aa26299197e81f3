using DiffPlex;
using DiffPlex.Chunkers;

namespace Hotfix.Policy.Changes;

/// <summary>The line-level difference of two texts: hunks as git prints them, and the added/deleted line counts.</summary>
internal sealed record LineDiffResult(IReadOnlyList<DiffHunk> Hunks, int AddedLines, int DeletedLines, int CommonBytes)
{
    public static LineDiffResult Empty { get; } = new([], 0, 0, 0);
}

/// <summary>
/// Computes line diffs the way <c>git diff</c> reports them: a minimal edit script (Myers, through DiffPlex), lines
/// split at '\n' only (a '\r' is content, so CRLF → LF shows as changed lines, like git), a last line without its
/// newline differs from the same line with one, deletions before additions, hunks with three context lines merged
/// when their contexts touch. Minimal edit scripts have the same counts whichever one is chosen, so the counts agree
/// with <c>git diff --numstat</c> even where the exact pairing of lines could differ.
/// </summary>
/// <remarks>
/// Computed here rather than taken from libgit2's patches because libgit2's patch printing crashes inside its
/// native callback in a native AOT build (the process aborts), while tree diffs and blob reads work.
/// </remarks>
internal static class LineDiff
{
    public const int DefaultContext = 3;

    public static LineDiffResult Compute(string? oldText, string? newText, int context = DefaultContext)
    {
        oldText ??= string.Empty;
        newText ??= string.Empty;
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return new LineDiffResult([], 0, 0, oldText.Length);
        }

        var oldLines = new TextLines(oldText);
        var newLines = new TextLines(newText);
        var edits = Edits(oldText, newText, oldLines);
        var added = edits.Sum(e => e.NewCount);
        var deleted = edits.Sum(e => e.OldCount);
        var changedBytes = edits.Sum(e => oldLines.Length(e.OldStart, e.OldCount));
        var commonBytes = oldText.Length - changedBytes;

        var hunks = new List<DiffHunk>();
        var i = 0;
        while (i < edits.Count)
        {
            // Extend the hunk while the next edit's leading context would touch this one's trailing context.
            var j = i;
            while (j + 1 < edits.Count && edits[j + 1].OldStart - (edits[j].OldStart + edits[j].OldCount) <= 2 * context)
            {
                j++;
            }

            hunks.Add(BuildHunk(edits, i, j, oldLines, newLines, context));
            i = j + 1;
        }

        return new LineDiffResult(hunks, added, deleted, commonBytes);
    }

    /// <summary>
    /// The edits, as (oldStart, oldCount, newStart, newCount) in lines, zero-based, in order: DiffPlex's, computed on
    /// the lines between the common leading and trailing lines only. DiffPlex's Myers first strips exactly those lines
    /// (leading first, then trailing) and works on what is left, so its answer is the same; but it would first split
    /// and hash every line of both texts, and a hotfix changes a few lines of long files — that was most of the line
    /// diff's time in <c>hotfix check</c> (benchmarks/README.md, change analysis).
    /// </summary>
    internal static List<(int OldStart, int OldCount, int NewStart, int NewCount)> Edits(string oldText, string newText) =>
        Edits(oldText, newText, new TextLines(oldText));

    private static List<(int OldStart, int OldCount, int NewStart, int NewCount)> Edits(string oldText, string newText, TextLines oldLines)
    {
        var (leading, trailing) = CommonEnds(oldText, newText);
        var first = oldLines.LineAt(leading);
        var oldEnd = oldText.Length - trailing;
        var newEnd = newText.Length - trailing;
        var result = Differ.Instance.CreateDiffs(oldText[leading..oldEnd], newText[leading..newEnd], ignoreWhiteSpace: false, ignoreCase: false, LineWithTerminatorChunker.Instance);
        return result.DiffBlocks
            .Select(b => (OldStart: first + b.DeleteStartA, OldCount: b.DeleteCountA, NewStart: first + b.InsertStartB, NewCount: b.InsertCountB))
            .ToList();
    }

    /// <summary>
    /// The characters of the whole lines both texts start with, then of the whole lines both end with after those
    /// (a line includes its '\n'; a last line without one is a different line from the same text with one).
    /// </summary>
    private static (int Leading, int Trailing) CommonEnds(string oldText, string newText)
    {
        var common = oldText.AsSpan().CommonPrefixLength(newText);
        var leading = common == 0 ? 0 : oldText.LastIndexOf('\n', common - 1) + 1;

        var oldRest = oldText.AsSpan(leading);
        var newRest = newText.AsSpan(leading);
        var same = 0;
        while (same < oldRest.Length && same < newRest.Length && oldRest[^(same + 1)] == newRest[^(same + 1)])
        {
            same++;
        }

        // The common tail counts from a line start in both texts: where the character before it is a '\n' (or
        // nothing), or else from the first '\n' inside it (the characters before that are equal in both texts).
        var atLineStart = (same == oldRest.Length || oldRest[^(same + 1)] == '\n') && (same == newRest.Length || newRest[^(same + 1)] == '\n');
        if (!atLineStart)
        {
            var newline = oldRest[^same..].IndexOf('\n');
            same = newline < 0 ? 0 : same - newline - 1;
        }

        return (leading, same);
    }

    private static DiffHunk BuildHunk(
        List<(int OldStart, int OldCount, int NewStart, int NewCount)> edits,
        int first,
        int last,
        TextLines oldLines,
        TextLines newLines,
        int context)
    {
        var lines = new List<DiffLine>();
        var leading = Math.Min(context, edits[first].OldStart);
        var oldCursor = edits[first].OldStart - leading;
        var newCursor = edits[first].NewStart - leading;
        var oldStart = oldCursor;
        var newStart = newCursor;

        for (var k = first; k <= last; k++)
        {
            var edit = edits[k];
            while (oldCursor < edit.OldStart)
            {
                lines.Add(new DiffLine(DiffLineKind.Context, oldCursor + 1, newCursor + 1, Strip(oldLines[oldCursor])));
                oldCursor++;
                newCursor++;
            }

            for (var d = 0; d < edit.OldCount; d++, oldCursor++)
            {
                lines.Add(new DiffLine(DiffLineKind.Deleted, oldCursor + 1, null, Strip(oldLines[oldCursor])));
            }

            for (var a = 0; a < edit.NewCount; a++, newCursor++)
            {
                lines.Add(new DiffLine(DiffLineKind.Added, null, newCursor + 1, Strip(newLines[newCursor])));
            }
        }

        var trailing = Math.Min(context, oldLines.Count - oldCursor);
        for (var t = 0; t < trailing; t++, oldCursor++, newCursor++)
        {
            lines.Add(new DiffLine(DiffLineKind.Context, oldCursor + 1, newCursor + 1, Strip(oldLines[oldCursor])));
        }

        var oldCount = oldCursor - oldStart;
        var newCount = newCursor - newStart;

        // git numbers an empty side by the line before it (e.g. "@@ -0,0 +1,3 @@" for a new file).
        return new DiffHunk(
            oldCount == 0 ? oldStart : oldStart + 1,
            oldCount,
            newCount == 0 ? newStart : newStart + 1,
            newCount,
            string.Empty,
            lines);
    }

    private static string Strip(string line) => line.EndsWith('\n') ? line[..^1] : line;

    /// <summary>
    /// A text's lines by where they start, each line (with its '\n') made into a string only when a hunk shows it.
    /// </summary>
    private sealed class TextLines
    {
        private readonly string text;
        private readonly List<int> starts = [];

        public TextLines(string text)
        {
            this.text = text;
            for (var start = 0; start < text.Length;)
            {
                starts.Add(start);
                var end = text.IndexOf('\n', start);
                start = end < 0 ? text.Length : end + 1;
            }
        }

        public int Count => starts.Count;

        public string this[int line] => text[starts[line]..End(line)];

        /// <summary>The index of the line starting at <paramref name="offset"/> (a line start, or the text's end).</summary>
        public int LineAt(int offset)
        {
            var index = starts.BinarySearch(offset);
            return index >= 0 ? index : starts.Count;
        }

        /// <summary>The characters of <paramref name="count"/> lines from <paramref name="line"/>, terminators included.</summary>
        public int Length(int line, int count) => count == 0 ? 0 : End(line + count - 1) - starts[line];

        private int End(int line) => line + 1 < starts.Count ? starts[line + 1] : text.Length;
    }

    /// <summary>Splits after each '\n', keeping it, so "b" and "b\n" are different lines.</summary>
    private sealed class LineWithTerminatorChunker : IChunker
    {
        public static LineWithTerminatorChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                var next = end < 0 ? text.Length : end + 1;
                chunks.Add(text[start..next]);
                start = next;
            }

            return chunks;
        }
    }
}
