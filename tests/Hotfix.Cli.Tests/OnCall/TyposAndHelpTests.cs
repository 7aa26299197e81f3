using System.CommandLine;
using System.Text.RegularExpressions;
using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>What a new user types first: typos get suggestions, help is where git and gh users look, every command has examples.</summary>
public class TyposAndHelpTests
{
    [Fact]
    public void A_mistyped_command_suggests_the_right_one_once()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "chek");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hotfix: error: unknown command 'chek' for 'hotfix'. Did you mean 'check'? Run 'hotfix --help' for the commands.\n", result.Error);
    }

    [Fact]
    public void A_mistyped_option_suggests_the_right_one()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "check", "--severty", "SEV1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hotfix: error: unknown option '--severty' for 'hotfix check'. Did you mean '--severity'? Run 'hotfix check --help' for its options.\n", result.Error);
    }

    [Fact]
    public void A_missing_argument_is_named_once_with_the_usage()
    {
        using var dir = new TempDirectory();
        var bare = CliRun.Run(dir.Path, "start");
        Assert.Equal(2, bare.ExitCode);
        Assert.Equal("hotfix: error: 'hotfix start' is missing <incident-id> and <short-description>; expected: hotfix start <incident-id> <short-description> [options]\nRun 'hotfix start --help' for usage.\n", bare.Error);

        var half = CliRun.Run(dir.Path, "start", "INC-2026-0042");
        Assert.Equal(2, half.ExitCode);
        Assert.StartsWith("hotfix: error: 'hotfix start' is missing <short-description>;", half.Error);
    }

    [Fact]
    public void Help_of_a_command_with_required_arguments_is_help_not_an_error()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "start", "--help");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hotfix start INC-2026-0042 fix-order-rounding", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Bare_hotfix_shows_the_commands()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Commands:", result.Out);
        Assert.Contains("  check ", result.Out);
        Assert.Contains("  completion <bash|pwsh|zsh>", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void A_group_without_its_subcommand_lists_them()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, "policy");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hotfix: error: 'hotfix policy' needs a command: show, validate. Run 'hotfix policy --help' for what each does.\n", result.Error);
    }

    [Fact]
    public void Help_command_is_the_command_s_help_with_examples()
    {
        using var dir = new TempDirectory();
        var help = CliRun.Run(dir.Path, "help", "check");
        var flag = CliRun.Run(dir.Path, "check", "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Equal(flag.Out, help.Out);
        Assert.Contains("Examples:\n  # Check the hotfix branch you are on\n  hotfix check\n", help.Out);

        var nested = CliRun.Run(dir.Path, "help", "policy", "validate");
        Assert.Contains("hotfix policy validate hotfix.json", nested.Out);

        var typo = CliRun.Run(dir.Path, "help", "chek");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("hotfix help: no command 'chek' in 'hotfix'", typo.Error);
        Assert.Contains("Did you mean 'check'?", typo.Error);
    }

    [Fact]
    public void Every_command_has_two_or_three_examples_that_parse()
    {
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/" };
        var root = CliApp.BuildRoot(new CliOptions(), environment);
        CliConventions.Apply(root, environment);

        foreach (var command in Leaves(root))
        {
            var examples = CommandExamples.Of(command);
            Assert.True(examples.Count is >= 2 and <= 3, $"{command.Name} has {examples.Count} examples");
            foreach (var example in examples.Where(e => e.Line.StartsWith("hotfix ", StringComparison.Ordinal)))
            {
                var words = Regex.Matches(example.Line["hotfix ".Length..].Split([" > ", " | "], StringSplitOptions.None)[0], "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"')).ToArray();
                var parse = root.Parse(words);
                Assert.True(parse.Errors.Count == 0, $"{example.Line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
                if (command.Subcommands.Count == 0)
                {
                    Assert.Same(command, parse.CommandResult.Command);
                }
            }
        }
    }

    [Fact]
    public void The_readme_examples_are_the_help_examples()
    {
        var readme = File.ReadAllLines(SourceTree.PathOf("README.md"));
        var rows = readme.Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.TrimEnd().EndsWith("` |", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count >= 12, "the README's command table");
        using var dir = new TempDirectory();
        foreach (var row in rows)
        {
            var example = Regex.Match(row, @"\| `(hotfix [^|]*)` \|\s*$").Groups[1].Value;
            var path = Regex.Match(example, @"^hotfix ((policy )?[a-z-]+)").Groups[1].Value.Split(' ');
            var help = CliRun.Run(dir.Path, [.. path, "--help"]);
            Assert.True(help.Out.Contains("  " + example + "\n", StringComparison.Ordinal), $"README example not in 'hotfix {string.Join(' ', path)} --help': {example}");
        }
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves).Prepend(command).Where(c => c is not RootCommand);
}
