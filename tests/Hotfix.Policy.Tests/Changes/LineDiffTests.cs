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
}
