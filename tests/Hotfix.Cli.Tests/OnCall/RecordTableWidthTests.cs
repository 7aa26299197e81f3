using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// <c>hotfix record</c>'s table wraps a long note to the output's width — COLUMNS, else the terminal's, else 100 —
/// instead of padding every row (and the rule under the header) to the longest entry.
/// </summary>
public class RecordTableWidthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly string LongNote = string.Join(' ', Enumerable.Repeat("rolled back deployment/orders-api to revision 41 after the rounding fix broke checkout;", 7));

    private static TempDirectory RecordWithALongNote()
    {
        var dir = FileRecords.Workspace();
        var noted = CliRun.Run(dir.Path, new Dictionary<string, string> { ["HOTFIX_USER"] = "sandro" }, new FixedTimeProvider(T0), null, "record", "INC-2026-0042", "--note", LongNote);
        Assert.True(noted.ExitCode == 0, noted.ToString());
        return dir;
    }

    private static List<string> TableLines(string output) =>
        output.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith("When", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();

    [Fact]
    public void Without_a_terminal_the_table_wraps_at_100_columns_and_keeps_every_word()
    {
        using var dir = RecordWithALongNote();

        var record = CliRun.Run(dir.Path, "record", "INC-2026-0042");

        Assert.True(record.ExitCode == 0, record.ToString());
        var lines = TableLines(record.Out);
        Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        Assert.Equal("  When                     What  By      Entry", lines[0]);
        Assert.Equal("  -----------------------  ----  ------  " + new string('-', 100 - 41), lines[1]);
        Assert.Equal("  2026-03-24 10:00 +01:00  note  sandro  rolled back deployment/orders-api to revision 41 after the", lines[2]);
        Assert.Equal("                                         rounding fix broke checkout; rolled back", lines[3]);
        Assert.Equal(LongNote, string.Join(' ', lines.Skip(2).Select(l => l[41..])));
    }

    [Fact]
    public void COLUMNS_sets_the_width()
    {
        using var dir = RecordWithALongNote();

        var record = CliRun.Run(dir.Path, new Dictionary<string, string> { ["COLUMNS"] = "72" }, "record", "INC-2026-0042");

        var lines = TableLines(record.Out);
        Assert.All(lines, l => Assert.True(l.Length <= 72, $"{l.Length} columns: {l}"));
        Assert.Equal("  -----------------------  ----  ------  " + new string('-', 72 - 41), lines[1]);
        Assert.Equal(LongNote, string.Join(' ', lines.Skip(2).Select(l => l[41..])));
    }

    [Fact]
    public void On_a_terminal_the_window_s_width_is_used_and_a_short_table_is_not_widened()
    {
        using var dir = RecordWithALongNote();
        var output = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = new StringWriter(),
            OutputIsTerminal = true,
            WindowWidth = () => 64,
            CurrentDirectory = dir.Path,
        };

        Assert.Equal(0, CliApp.Run(["record", "INC-2026-0042", "--no-color"], environment));

        var lines = TableLines(output.ToString());
        Assert.All(lines, l => Assert.True(l.Length <= 64, $"{l.Length} columns: {l}"));
        Assert.Equal(64, lines[1].Length);

        using var shortRecord = FileRecords.Workspace();
        CliRun.Run(shortRecord.Path, new Dictionary<string, string> { ["HOTFIX_USER"] = "sandro" }, new FixedTimeProvider(T0), null, "record", "INC-2026-0042", "--note", "paged the DBA");
        Assert.Equal("  -----------------------  ----  ------  -------------", TableLines(CliRun.Run(shortRecord.Path, "record", "INC-2026-0042").Out)[1]);
    }

    [Theory]
    [InlineData("abc", 100)]
    [InlineData("0", 100)]
    [InlineData("20", OutputWidth.Minimum)]
    [InlineData("132", 132)]
    public void A_COLUMNS_value_that_is_no_width_is_ignored_and_a_tiny_one_is_raised(string columns, int expected)
    {
        var environment = new CliEnvironment
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            CurrentDirectory = "/",
            GetVariable = name => name == "COLUMNS" ? columns : null,
        };
        Assert.Equal(expected, OutputWidth.Of(environment));
    }
}
