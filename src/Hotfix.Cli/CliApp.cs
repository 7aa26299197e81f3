using System.CommandLine;
using Hotfix.Cli.Commands;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;

namespace Hotfix.Cli;

/// <summary>Builds the command tree and runs one command line, turning every failure into a message and an exit code.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        var output = new TerminalSafeWriter(environment.Out);
        var error = new TerminalSafeWriter(environment.Error);
        try
        {
            return Run(args, environment.WithStreams(output, error), output, error);
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    private static int Run(string[] args, CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var options = new CliOptions();
        var root = BuildRoot(options, environment);
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

    public static RootCommand BuildRoot(CliOptions options, CliEnvironment environment)
    {
        DeferredCommandLineResources.Install();
        var root = new RootCommand("hotfix — the production-hotfix runbook as executable policy.")
        {
            options.Repo,
            options.Policy,
            options.Verbose,
            options.NoColor,
        };
        root.Subcommands.Add(CheckCommand.Create(options, environment));
        root.Subcommands.Add(PolicyCommand.Create(options, environment));
        root.Subcommands.Add(StartCommand.Create(options, environment));
        root.Subcommands.Add(FinishCommand.Create(options, environment));
        root.Subcommands.Add(AuditCommand.Create(options, environment));
        root.Subcommands.Add(RollbackCommand.Create(options, environment));
        root.Subcommands.Add(DeployCommand.Create(options, environment));
        root.Subcommands.Add(HistoryCommand.Create(options, environment));
        root.Subcommands.Add(StatusCommand.Create(options, environment));
        root.Subcommands.Add(DecideCommand.Create(options, environment));
        root.Subcommands.Add(ReviewCommand.Create(options, environment));
        root.Subcommands.Add(ChecklistCommand.Create(options, environment));
        root.Subcommands.Add(VerifyCommand.Create(options, environment));
        root.Subcommands.Add(RecordCommand.Create(options, environment));
        root.Subcommands.Add(TestSuiteCommand.Create(options, environment));
        root.Subcommands.Add(RollbackMigrationCommand.Create(options, environment));

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
