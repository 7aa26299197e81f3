using Hotfix.Cli.Infrastructure;

namespace Hotfix.Cli;

/// <summary>What the CLI reads from its process: streams, working directory, environment, clock. Tests supply their own.</summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>True when standard output is a terminal (colour is allowed there).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The terminal's width in columns when standard output is one (null when it cannot be told).</summary>
    public Func<int?> WindowWidth { get; init; } = () => null;

    public required string CurrentDirectory { get; init; }

    public Func<string, string?> GetVariable { get; init; } = _ => null;

    /// <summary>
    /// The login name from the account database (on Unix the passwd entry, not $USER): the last fallback for who is
    /// acting, so a container without $USER can still record. Null in tests unless they set it.
    /// </summary>
    public Func<string?> LoginName { get; init; } = () => null;

    /// <summary>Where time comes from: the system's, or a fixed one in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cluster and metrics adapters; none by default.</summary>
    public CliAdapters Adapters { get; init; } = new();

    public static CliEnvironment FromProcess() => new()
    {
        Out = StandardOutput.Create(),
        Error = Console.Error,
        OutputIsTerminal = !Console.IsOutputRedirected,
        WindowWidth = OutputWidth.ConsoleWindowWidth,
        CurrentDirectory = Directory.GetCurrentDirectory(),
        GetVariable = Environment.GetEnvironmentVariable,
        LoginName = () => Environment.UserName,
    };

    /// <summary>The same environment writing to other streams (the CLI wraps its streams in a terminal-safe writer).</summary>
    public CliEnvironment WithStreams(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Error = error,
        OutputIsTerminal = OutputIsTerminal,
        WindowWidth = WindowWidth,
        CurrentDirectory = CurrentDirectory,
        GetVariable = GetVariable,
        LoginName = LoginName,
        Time = Time,
        Adapters = Adapters,
    };

    /// <summary>A path from the command line, relative to the current directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, CurrentDirectory);
}
