using System.CommandLine;
using Hotfix.Cli.Commands;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;

namespace Hotfix.Cli;

/// <summary>Builds the command tree and runs one command line, turning every failure into a message and an exit code.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliEnvironment environment) => Run(args, environment, BuildRoot);

    /// <param name="buildRoot">The tree for a command line (tests compare the per-line tree with the whole one).</param>
    internal static int Run(string[] args, CliEnvironment environment, Func<CliOptions, CliEnvironment, IReadOnlyList<string>, RootCommand> buildRoot)
    {
        var guard = new StandardOutputGuard(environment.Out);
        var output = new TerminalSafeWriter(guard);
        var error = new TerminalSafeWriter(environment.Error);
        int code;
        try
        {
            code = Run(args, environment.WithStreams(output, error), output, error, buildRoot);
        }
        finally
        {
            output.Flush();
            error.Flush();
        }

        return guard.Failure is { } failure ? OutputFailed(failure, code, error) : code;
    }

    /// <summary>
    /// Standard output failed (README "Exit codes"): exit 2, as for an --output-file that cannot be written — unless the
    /// command already failed harder (an operation, an escalation, a status verdict), whose code says more.
    /// </summary>
    private static int OutputFailed(string failure, int code, TextWriter error)
    {
        try
        {
            error.WriteLine($"hotfix: error: cannot write the report to standard output: {failure}; the output is incomplete. Expected a writable standard output (or --output-file FILE where the command has it).");
            error.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Standard error is gone as well; the exit code is all that is left to say it.
        }

        return code is ExitCodes.Success or ExitCodes.PolicyFindings ? ExitCodes.InvalidInput : code;
    }

    private static int Run(string[] args, CliEnvironment environment, TextWriter output, TextWriter error, Func<CliOptions, CliEnvironment, IReadOnlyList<string>, RootCommand> buildRoot)
    {
        var options = new CliOptions();
        var root = buildRoot(options, environment, args);
        CliConventions.Apply(root, environment);

        // Bare `hotfix` shows the commands, as kubectl and gh do, instead of an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        var current = OutputOptionAliases.RewriteDeprecatedFile(parse.CommandResult.Command, args, environment.Error);
        if (!ReferenceEquals(current, args))
        {
            parse = root.Parse(current);
        }

        if (parse.Errors.Count > 0 && !HelpConventions.Requested(parse))
        {
            var problems = ParseProblems.Describe(parse);
            foreach (var problem in problems)
            {
                environment.Error.WriteLine($"hotfix: error: {problem}");
            }

            if (!problems.Any(p => p.Contains("--help", StringComparison.Ordinal)))
            {
                environment.Error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            }

            return ExitCodes.InvalidInput;
        }

        var verbose = parse.GetValue(options.Verbose);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (HotfixInputException e)
        {
            WriteError(environment, verbose, e, e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (HotfixOperationException e)
        {
            WriteError(environment, verbose, e, $"{e.Message}\nState: {e.State}");
            return ExitCodes.OperationFailed;
        }
        catch (Exception e) when (UnreadableIndex.Explain(e) is { } unreadable)
        {
            // A repository setting libgit2 cannot read (split or sparse index), not a bug: say which and how to undo it.
            WriteError(environment, verbose, e, $"{unreadable.Message}\nState: {unreadable.State}");
            return ExitCodes.OperationFailed;
        }
        catch (Exception e) when (MissingNativeLibrary(e) is { } missing)
        {
            // An installation problem, not a bug: the native binary was copied without the libgit2 library beside it.
            WriteError(environment, verbose, e, $"hotfix cannot load its git library ({missing.Message.Trim()}). The native binary needs the libgit2 library published next to it: copy the whole publish folder (hotfix and libgit2-*.so), not the binary alone; the dotnet tool package carries it.\nState: nothing was read or changed.");
            return ExitCodes.OperationFailed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WriteError(environment, verbose, e, $"internal error ({e.GetType().Name}: {e.Message}). This is a bug in hotfix; rerun with --verbose and report the output.");
            return ExitCodes.InternalError;
        }
    }

    private static DllNotFoundException? MissingNativeLibrary(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException missing)
            {
                return missing;
            }
        }

        return null;
    }

    /// <summary>The top-level commands, in the order help lists them; each is built only when its tree is needed.</summary>
    internal static readonly IReadOnlyList<(string Name, Func<CliOptions, CliEnvironment, Command> Create)> Commands =
    [
        ("check", CheckCommand.Create),
        ("policy", PolicyCommand.Create),
        ("start", StartCommand.Create),
        ("finish", FinishCommand.Create),
        ("audit", AuditCommand.Create),
        ("rollback", RollbackCommand.Create),
        ("deploy", DeployCommand.Create),
        ("history", HistoryCommand.Create),
        ("status", StatusCommand.Create),
        ("decide", DecideCommand.Create),
        ("review", ReviewCommand.Create),
        ("checklist", ChecklistCommand.Create),
        ("verify", VerifyCommand.Create),
        ("record", RecordCommand.Create),
        ("test", TestSuiteCommand.Create),
        ("rollback-migration", RollbackMigrationCommand.Create),
    ];

    /// <summary>The whole command tree: what help, completion and a mistyped command line are answered from.</summary>
    public static RootCommand BuildRoot(CliOptions options, CliEnvironment environment) => Build(options, environment, Commands);

    /// <summary>
    /// The command tree a command line needs. Building every command's options, descriptions and examples was about a
    /// fifth of the page faults of each start (benchmarks/README.md, "Start-up, fourth pass"), and a command line that
    /// begins with a command's name can only ever parse into that command: it gets the root with that command alone.
    /// <c>--version</c> alone needs no command. Every other line — help, completion's <c>[suggest]</c>, a mistyped or
    /// missing command, options before the command, a response file — gets the whole tree.
    /// </summary>
    internal static RootCommand BuildRoot(CliOptions options, CliEnvironment environment, IReadOnlyList<string> args)
    {
        if (args is ["--version"])
        {
            return Build(options, environment, []);
        }

        var invoked = args.Count > 0 ? Commands.Where(c => c.Name == args[0]).ToList() : [];
        return Build(options, environment, invoked.Count == 1 ? invoked : Commands);
    }

    private static RootCommand Build(CliOptions options, CliEnvironment environment, IReadOnlyList<(string Name, Func<CliOptions, CliEnvironment, Command> Create)> commands)
    {
        DeferredCommandLineResources.Install();
        var root = new RootCommand("hotfix — the production-hotfix runbook as executable policy.")
        {
            options.Repo,
            options.Policy,
            options.Verbose,
            options.NoColor,
        };
        foreach (var (_, create) in commands)
        {
            root.Subcommands.Add(create(options, environment));
        }

        return root;
    }

    private static void WriteError(CliEnvironment environment, bool verbose, Exception e, string message)
    {
        environment.Error.WriteLine($"hotfix: error: {message}");
        if (verbose)
        {
            environment.Error.WriteLine(e.ToString());
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "hotfix" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
