using Hotfix.Cli.Infrastructure;

namespace Hotfix.Cli.Tests;

/// <summary>The writer every CLI stream goes through: hotfix's colours pass, nothing else from outside reaches the terminal.</summary>
public class TerminalSafeWriterTests
{
    [Theory]
    [InlineData("plain text\n", "plain text\n")]
    [InlineData("\u001b[31mred\u001b[0m", "\u001b[31mred\u001b[0m")]
    [InlineData("\u001b[1;33mbold yellow\u001b[0m\n", "\u001b[1;33mbold yellow\u001b[0m\n")]
    [InlineData("title\u001b]0;pwned\u0007", "title\\x1b]0;pwned\\x07")]
    [InlineData("clear\u001b[2J", "clear\\x1b[2J")]
    [InlineData("over\rwrite", "over\\x0dwrite")]
    [InlineData("windows\r\nline", "windows\r\nline")]
    [InlineData("c1\u009bcontrol", "c1\\x9bcontrol")]
    [InlineData("end\u001b", "end\\x1b")]
    [InlineData("end\r", "end\\x0d")]
    public void Only_line_breaks_tabs_and_colour_sequences_pass(string written, string expected)
    {
        var inner = new StringWriter();
        using (var writer = new TerminalSafeWriter(inner))
        {
            writer.Write(written);
        }

        Assert.Equal(expected, inner.ToString());
    }

    [Fact]
    public void A_sequence_split_across_writes_is_judged_whole()
    {
        var inner = new StringWriter();
        using (var writer = new TerminalSafeWriter(inner))
        {
            writer.Write("a\u001b");
            writer.Write("[3");
            writer.Write("1mred\u001b[");
            writer.Write("2J");
        }

        Assert.Equal("a\u001b[31mred\\x1b[2J", inner.ToString());
    }
}
