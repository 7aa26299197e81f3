using DiffPlex;
using System.Text.RegularExpressions;
using Hotfix.Policy.Changes;

namespace Hotfix.Policy.Tests.Changes;

public class LineDiffTests
{
    [Fact]
    public void Equal_texts_have_no_hunks()
    {
        var result = LineDiff.Compute("a\nb\n", "a\nb\n");
        Assert.Empty(result.Hunks);
        Assert.Equal((0, 0), (result.AddedLines, result.DeletedLines));
    }

    [Fact]
    public void A_new_file_is_one_hunk_from_line_zero()
    {
        var hunk = Assert.Single(LineDiff.Compute(null, "a\nb\nc\n").Hunks);
        Assert.Equal((0, 0, 1, 3), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
        Assert.Equal([1, 2, 3], hunk.Added.Select(l => l.NewNumber!.Value));
    }

    [Fact]
    public void A_deleted_file_is_one_hunk_to_line_zero()
    {
        var hunk = Assert.Single(LineDiff.Compute("a\nb\n", null).Hunks);
        Assert.Equal((1, 2, 0, 0), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
    }

    [Fact]
    public void A_change_gets_three_lines_of_context_and_deletions_come_first()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var hunk = Assert.Single(LineDiff.Compute(old, old.Replace("l10\n", "ten\n")).Hunks);
        Assert.Equal((7, 7, 7, 7), (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount));
        Assert.Equal(
            [DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Deleted, DiffLineKind.Added, DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Context],
            hunk.Lines.Select(l => l.Kind));
        Assert.Equal(new DiffLine(DiffLineKind.Deleted, 10, null, "l10"), hunk.Lines[3]);
        Assert.Equal(new DiffLine(DiffLineKind.Added, null, 10, "ten"), hunk.Lines[4]);
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    public void Changes_whose_contexts_touch_share_a_hunk(int gap, int expectedHunks)
    {
        var lines = Enumerable.Range(1, 40).Select(i => $"l{i}").ToList();
        var changed = lines.ToList();
        changed[9] = "x";
        changed[9 + gap + 1] = "y";
        var result = LineDiff.Compute(string.Join('\n', lines) + "\n", string.Join('\n', changed) + "\n");
        Assert.Equal(expectedHunks, result.Hunks.Count);
    }

    [Fact]
    public void Crlf_to_lf_changes_every_line_and_keeps_the_carriage_return_visible()
    {
        var result = LineDiff.Compute("a\r\nb\r\n", "a\nb\n");
        Assert.Equal((2, 2), (result.AddedLines, result.DeletedLines));
        Assert.Equal("a\r", result.Hunks[0].Deleted.First().Text);
    }

    [Fact]
    public void A_missing_final_newline_is_a_changed_last_line()
    {
        var result = LineDiff.Compute("a\nb", "a\nb\n");
        Assert.Equal((1, 1), (result.AddedLines, result.DeletedLines));
        Assert.Equal("b", result.Hunks[0].Added.Single().Text);
    }

    /// <summary>
    /// The edits are computed on the lines between the common leading and trailing lines only; on generated texts
    /// (repeated lines, blank lines, a missing final newline, CRLF, empty texts, edits at either end) they are exactly
    /// the edits DiffPlex finds on the whole texts.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Edits_between_the_common_ends_are_the_edits_of_the_whole_texts(int seed)
    {
        var random = new Random(seed);
        string[] pool = ["a\n", "b\n", "\n", "}\n", "a\r\n", "x", "b", "{\n"];
        for (var round = 0; round < 3000; round++)
        {
            var old = Text(random, pool, random.Next(0, 12));
            var changed = random.Next(5) == 0 ? Text(random, pool, random.Next(0, 12)) : Edit(random, old, pool);
            var whole = Differ.Instance.CreateDiffs(old, changed, ignoreWhiteSpace: false, ignoreCase: false, AfterEachNewline.Instance);
            var expected = whole.DiffBlocks.Select(b => (b.DeleteStartA, b.DeleteCountA, b.InsertStartB, b.InsertCountB)).ToList();

            var actual = LineDiff.Edits(old, changed);

            Assert.True(expected.SequenceEqual(actual), $"round {round}: {Show(old)} -> {Show(changed)}: DiffPlex [{string.Join(", ", expected)}], ours [{string.Join(", ", actual)}]");
        }
    }

    private static string Text(Random random, string[] pool, int pieces) =>
        string.Concat(Enumerable.Range(0, pieces).Select(_ => pool[random.Next(pool.Length)]));

    /// <summary>A few insertions, deletions and replacements of characters' runs, so most of the text stays common.</summary>
    private static string Edit(Random random, string text, string[] pool)
    {
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(0, text.Length + 1);
            var length = random.Next(0, Math.Min(4, text.Length - at) + 1);
            text = text[..at] + (random.Next(3) == 0 ? string.Empty : pool[random.Next(pool.Length)]) + text[(at + length)..];
        }

        return text;
    }

    private static string Show(string text) => "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>The oracle's own split: after each '\n', keeping it (written independently of LineDiff's).</summary>
    private sealed class AfterEachNewline : IChunker
    {
        public static AfterEachNewline Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => Regex.Split(text, "(?<=\n)").Where(piece => piece.Length > 0).ToList();
    }
}
