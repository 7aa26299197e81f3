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

    [ZshTheory]
    [InlineData("hotfix ch", "check\nchecklist")]
    [InlineData("hotfix check --sev", "--severity")]
    [InlineData("hotfix hist", "history")]
    public void Zsh_completes_commands_and_options(string typed, string expected)
    {
        using var dir = new TempDirectory();
        var script = dir.Combine("_hotfix");
        File.WriteAllText(script, CliRun.Run(dir.Path, "completion", "zsh").Out);
        var hotfix = $"hotfix() {{ dotnet '{typeof(CliApp).Assembly.Location}' \"$@\"; }}";

        // Loaded as a user loads it (compinit, then the script registers itself); then the completion function is
        // called with the words typed, and what it hands to compadd is printed.
        var words = string.Join(' ', typed.Split(' ').Select(w => $"'{w}'"));
        var result = ProcessRunner.Run(
            "zsh",
            ["-f", "-c", $"{hotfix}; autoload -Uz compinit && compinit -u -D; source '{script}'; print -r -- \"registered:$_comps[hotfix]\"; " +
                $"compadd() {{ [[ $1 == -a ]] && print -rl -- \"${{(@P)2}}\" }}; words=({words}); CURRENT=${{#words}}; _hotfix"],
            dir.Path,
            null,
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal("registered:_hotfix", lines[0]);
        var completions = lines.Skip(1).ToList();
        Assert.Equal(expected.Split('\n'), completions.Where(c => c.StartsWith(typed.Split(' ')[^1], StringComparison.Ordinal)));
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

/// <summary>A theory that needs a real zsh (apt-get install zsh; .ci/run installs it).</summary>
public sealed class ZshTheoryAttribute : TheoryAttribute
{
    public ZshTheoryAttribute()
    {
        if (OnPath.Find("zsh") is null)
        {
            Skip = "zsh is not on PATH: the zsh completion test sources the script in a real zsh (apt-get install zsh; .ci/run installs it).";
        }
    }
}
