using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>The outcome of one in-process run of the CLI.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the real command tree in-process with captured streams (the same code path as the binary).</summary>
internal static class CliRun
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(workingDirectory, variables, null, null, args);

    /// <summary>Runs at a fixed time (<paramref name="clock"/>) with the given cluster and metrics adapters.</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, TimeProvider? clock, CliAdapters? adapters, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            CurrentDirectory = workingDirectory,
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            Time = clock ?? new FixedTimeProvider(DateTimeOffset.Now),
            Adapters = adapters ?? new CliAdapters(),
        };
        var code = CliApp.Run(args, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
