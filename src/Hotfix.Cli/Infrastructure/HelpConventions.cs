using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Help as git and gh give it: <c>hotfix help COMMAND</c> is <c>hotfix COMMAND --help</c>, and every command's help
/// ends with its examples (<see cref="CommandExamples"/>).
/// </summary>
internal static class HelpConventions
{
    public static void Apply(RootCommand root, CliEnvironment environment)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction standard } help)
        {
            help.Action = new WithExamples(standard, environment);
        }

        var names = new Argument<string[]>("command") { Description = "The command to explain, e.g. check or policy validate.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show the help of a command (hotfix help check is hotfix check --help).") { names };
        CommandExamples.Attach(
            command,
            ("What hotfix check does, its options and examples", "hotfix help check"),
            ("A subcommand's help", "hotfix help policy validate"));
        command.SetAction(parse =>
        {
            var path = parse.GetValue(names) ?? [];
            var problem = Target(root, path);
            if (problem is not null)
            {
                throw new HotfixInputException(problem);
            }

            return root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = environment.Out, Error = environment.Error });
        });
        root.Subcommands.Add(command);
    }

    /// <summary>True when the command line asks for help: then missing arguments are no error (hotfix start --help).</summary>
    public static bool Requested(ParseResult parse) => parse.Action is HelpAction or WithExamples;

    /// <summary>Null when <paramref name="path"/> names a command; else the message, with a suggestion.</summary>
    private static string? Target(Command root, IReadOnlyList<string> path)
    {
        Command current = root;
        var walked = "hotfix";
        foreach (var name in path)
        {
            var next = current.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));
            if (next is null)
            {
                var close = Hotfix.Policy.Policies.Suggestions.Nearby(name, current.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                var hint = close.Count > 0 ? $" Did you mean '{close[0]}'?" : string.Empty;
                return $"hotfix help: no command '{name}' in '{walked}'; expected one of: {string.Join(", ", current.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.{hint}";
            }

            walked += " " + next.Name;
            current = next;
        }

        return null;
    }

    private sealed class WithExamples(HelpAction standard, CliEnvironment environment) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            CommandExamples.Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output ?? environment.Out);
            return code;
        }
    }
}
