using System.CommandLine;
using System.CommandLine.Parsing;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Parse errors as a person can act on them: a mistyped command or option gets "did you mean", a missing argument is
/// named with the usage line, a command that needs a subcommand lists them — each said once. Everything is computed
/// from the command tree, so commands added later get the same messages.
/// </summary>
internal static class ParseProblems
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var problems = new List<string>();

        // The first stray word is the mistake; the words after it are usually its value (--severty SEV1).
        if (parse.UnmatchedTokens.FirstOrDefault() is { } stray)
        {
            problems.Add(Unknown(stray, parse.CommandResult, path));
        }
        else if (command.Subcommands.Count > 0 && command.Action is null)
        {
            problems.Add($"'{path}' needs a command: {string.Join(", ", Visible(command.Subcommands).Select(c => c.Name))}. Run '{path} --help' for what each does.");
        }

        var missing = command.Arguments
            .Where(a => !a.Hidden && a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a) is not ArgumentResult r || r.Tokens.Count < a.Arity.MinimumNumberOfValues))
            .ToList();
        if (problems.Count == 0 && missing.Count > 0)
        {
            problems.Add($"'{path}' is missing {string.Join(" and ", missing.Select(a => $"<{a.Name}>"))}; expected: {Usage(path, command)}");
        }

        // The errors of options and arguments that were given (a value a validator refused) still say what is wrong.
        foreach (var error in parse.Errors)
        {
            var given = error.SymbolResult is OptionResult { Implicit: false } || error.SymbolResult is ArgumentResult { Tokens.Count: > 0 };
            if (given && !problems.Contains(error.Message))
            {
                problems.Add(error.Message);
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal));
        }

        return problems;
    }

    /// <summary>"hotfix check": the names of the commands from the root to this one.</summary>
    public static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "hotfix" : result.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The command's usage line: its arguments in angle brackets, then [options].</summary>
    public static string Usage(string path, Command command) =>
        string.Join(' ', new[] { path }.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues > 0 ? $"<{a.Name}>" : $"[<{a.Name}>]")).Append("[options]"));

    private static string Unknown(string token, CommandResult result, string path)
    {
        if (token.StartsWith('-'))
        {
            var name = token.Split('=', ':')[0];
            var options = OptionNames(result);
            var suggestion = Hotfix.Policy.Policies.Suggestions.Nearby(name, options);
            return $"unknown option '{name}' for '{path}'" + DidYouMean(suggestion) + $" Run '{path} --help' for its options.";
        }

        var command = result.Command;
        if (command.Subcommands.Count > 0)
        {
            var suggestion = Hotfix.Policy.Policies.Suggestions.Nearby(token, Visible(command.Subcommands).SelectMany(c => c.Aliases.Prepend(c.Name)));
            return $"unknown command '{token}' for '{path}'" + DidYouMean(suggestion) + $" Run '{path} --help' for the commands.";
        }

        return $"unexpected argument '{token}' for '{path}'; expected: {Usage(path, command)}";
    }

    private static string DidYouMean(IReadOnlyList<string> suggestion) => suggestion.Count switch
    {
        0 => ".",
        1 => $". Did you mean '{suggestion[0]}'?",
        _ => $". Did you mean one of: {string.Join(", ", suggestion.Select(s => $"'{s}'"))}?",
    };

    private static IEnumerable<Command> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden);

    /// <summary>The options valid here: the command's own and the recursive ones of the commands above it.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        var own = true;
        for (CommandResult? r = result; r is not null; r = r.Parent as CommandResult, own = false)
        {
            foreach (var option in r.Command.Options.Where(o => !o.Hidden && (own || o.Recursive)))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }
        }
    }
}
