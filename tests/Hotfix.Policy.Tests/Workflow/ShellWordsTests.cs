using Hotfix.Policy.Workflow;
using Hotfix.TestSupport;

namespace Hotfix.Policy.Tests.Workflow;

/// <summary>Printed plans must paste into a shell and mean exactly what they say.</summary>
public class ShellWordsTests
{
    [Theory]
    [InlineData("hotfix/INC-2026-0042-fix", "hotfix/INC-2026-0042-fix")]
    [InlineData("Merge branch 'x' into main", "\"Merge branch 'x' into main\"")]
    [InlineData("", "\"\"")]
    [InlineData("a$b", "'a$b'")]
    [InlineData("it's $(x)", "'it'\\''s $(x)'")]
    [InlineData("line\nbreak", "'line\nbreak'")]
    public void Quotes_only_when_needed(string word, string expected) => Assert.Equal(expected, ShellWords.Quote(word));

    [Theory]
    [InlineData("plain")]
    [InlineData("hotfix/INC-2026-0042-x;$(touch${IFS}pwned)&`id`|'q'\"<>")]
    [InlineData("Forced: \"SEV1\" — $HOME, `date`, 100% !important \\ end")]
    [InlineData("two\nlines and 'quotes'")]
    public void A_shell_reads_back_the_exact_word(string word)
    {
        using var dir = new TempDirectory();
        var result = ProcessRunner.Run("bash", ["-c", "printf '%s' " + ShellWords.Quote(word)], dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(word, result.StandardOutput);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
