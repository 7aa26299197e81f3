using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>The bash completion script, sourced in a real bash with the words a user typed, completes from the real hotfix.</summary>
public class CompletionScriptTests
{
    [Theory]
    [InlineData("hotfix ch", "check\nchecklist")]
    [InlineData("hotfix check --sev", "--severity")]
    [InlineData("hotfix policy v", "validate")]
    [InlineData("hotfix hist", "history")]
    public void Bash_completes_commands_and_options(string typed, string expected)
    {
        using var dir = new TempDirectory();
        var script = dir.Combine("hotfix.bash");
        File.WriteAllText(script, CliRun.Run(dir.Path, "completion", "bash").Out);

        // `hotfix` is the build under test, run by the dotnet host (a shell function, as a PATH entry would be).
        var hotfix = $"hotfix() {{ dotnet '{typeof(CliApp).Assembly.Location}' \"$@\"; }}";

        var words = typed.Split(' ');
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        var result = ProcessRunner.Run(
            "bash",
            ["-c", $"{hotfix}; source '{script}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _hotfix_completions; printf '%s\\n' \"${{COMPREPLY[@]}}\""],
            dir.Path,
            null,
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StandardOutput.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _hotfix_completions hotfix")]
    [InlineData("zsh", "compdef _hotfix hotfix")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName hotfix")]
    public void Each_shell_gets_its_script(string shell, string line)
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "completion", shell);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(line, result.Out);
        Assert.Contains("[suggest:", result.Out);
    }

    [Fact]
    public void An_unknown_shell_is_bad_input()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "completion", "fish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'fish'", result.Error);
    }
}
