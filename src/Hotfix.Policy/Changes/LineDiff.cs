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

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineWithTerminatorChunker.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;

        // Edits as (oldStart, oldCount, newStart, newCount), zero-based, in order.
        var edits = result.DiffBlocks.Select(b => (OldStart: b.DeleteStartA, OldCount: b.DeleteCountA, NewStart: b.InsertStartB, NewCount: b.InsertCountB)).ToList();
        var added = edits.Sum(e => e.NewCount);
        var deleted = edits.Sum(e => e.OldCount);
        var changedBytes = edits.Sum(e => Enumerable.Range(e.OldStart, e.OldCount).Sum(i => oldLines[i].Length));
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

    private static DiffHunk BuildHunk(
        List<(int OldStart, int OldCount, int NewStart, int NewCount)> edits,
        int first,
        int last,
        IReadOnlyList<string> oldLines,
        IReadOnlyList<string> newLines,
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
