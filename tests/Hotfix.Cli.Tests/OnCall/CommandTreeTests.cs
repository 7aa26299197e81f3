using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// A command line that begins with a command's name is parsed with only that command built, and <c>--version</c> alone
/// with none (the start-up cost of building all sixteen: benchmarks/README.md). Whatever the line, what the user sees —
/// exit code, output, errors, help — must be what the whole tree gives.
/// </summary>
public class CommandTreeTests
{
    private static readonly Func<CliOptions, CliEnvironment, IReadOnlyList<string>, RootCommand> WholeTree = (options, environment, _) => CliApp.BuildRoot(options, environment);

    [Fact]
    public void The_table_of_commands_is_the_tree()
    {
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/" };
        var root = CliApp.BuildRoot(new CliOptions(), environment);
        Assert.Equal(CliApp.Commands.Select(c => c.Name), root.Subcommands.Select(c => c.Name));
        // A command line that starts with an alias would still get the whole tree (correct, only slower): match aliases too
        // in CliApp.BuildRoot before giving a command one.
        Assert.All(root.Subcommands, c => Assert.Empty(c.Aliases));
    }

    [Fact]
    public void Help_errors_and_the_version_are_what_the_whole_tree_gives()
    {
        using var dir = new TempDirectory();
        var names = CliApp.Commands.Select(c => c.Name).ToList();
        List<string[]> lines = [["--version"], ["--version", "x"], ["--help"], [], ["chek"], ["help", "check"], ["help", "chek"], ["--no-color", "check", "--help"]];
        foreach (var name in names)
        {
            lines.Add([name, "--help"]);
            lines.Add([name, "-h"]);
            lines.Add([name, "--no-color", "--help"]);
            lines.Add([name, "--bogus"]);
            lines.Add([name, "--severty", "SEV1"]);
            lines.Add([name, "--format"]);
            lines.Add([name, "-o", "yaml", "--help"]);
            lines.Add([name, "--repo"]);
            lines.Add([name, names.First(n => n != name), "--help"]);
            lines.Add([name, "--version"]);
            lines.Add([name, "help"]);
        }

        lines.AddRange([["policy"], ["policy", "valdate"], ["policy", "validate", "--bogus"], ["policy", "show", "--help"], ["start"], ["start", "INC-2026-0042"]]);
        var compared = 0;
        foreach (var line in lines)
        {
            var whole = Run(dir.Path, line, WholeTree);
            var perLine = Run(dir.Path, line, CliApp.BuildRoot);
            Assert.True(whole == perLine, $"hotfix {string.Join(' ', line)}\nwhole tree: {whole}\nper line: {perLine}");
            compared += whole.ExitCode is 0 or 2 ? 1 : 0;
        }

        Assert.Equal(lines.Count, compared); // every line ended in help, a version or a usage error: nothing ran
    }

    [Fact]
    public void A_command_line_parses_into_the_same_command_with_the_same_tokens()
    {
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "/" };
        string[][] lines =
        [
            ["check", "--severity", "SEV1", "--format", "json"], ["check", "--base", "main", "-o", "sarif", "--output-file", "x.sarif"],
            ["start", "INC-2026-0042", "fix-rounding"], ["finish", "--no-color"], ["policy", "validate", "hotfix.json"],
            ["policy", "show"], ["rollback", "deployment/api", "-n", "shop", "--to-revision", "3"], ["status", "deployment/api"],
            ["record", "INC-2026-0042"], ["test", "smoke"], ["decide", "--severity", "SEV2"], ["audit", "--since", "30d"],
        ];
        foreach (var line in lines)
        {
            var whole = Parse(CliApp.BuildRoot(new CliOptions(), environment), environment, line);
            var perLine = Parse(CliApp.BuildRoot(new CliOptions(), environment, line), environment, line);
            Assert.Equal(whole, perLine);
        }
    }

    private static CliResult Run(string directory, string[] args, Func<CliOptions, CliEnvironment, IReadOnlyList<string>, RootCommand> buildRoot)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment { Out = output, Error = error, CurrentDirectory = directory, GetVariable = _ => null };
        var code = CliApp.Run(args, environment, buildRoot);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static string Parse(RootCommand root, CliEnvironment environment, string[] line)
    {
        CliConventions.Apply(root, environment);
        var parse = root.Parse(line);
        return $"{ParseProblems.CommandPath(parse.CommandResult)} | {string.Join(' ', parse.Tokens.Select(t => $"{t.Type}:{t.Value}"))} | " +
            $"unmatched {string.Join(' ', parse.UnmatchedTokens)} | errors {string.Join("; ", parse.Errors.Select(e => e.Message))} | {parse.Action?.GetType().Name}";
    }
}
