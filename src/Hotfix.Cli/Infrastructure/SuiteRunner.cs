using System.ComponentModel;
using System.Diagnostics;

namespace Hotfix.Cli.Infrastructure;

/// <summary>How a suite's process ended.</summary>
/// <param name="ExitCode">The process's exit code; null when the timeout stopped it.</param>
/// <param name="TimedOut">True when <c>--timeout</c> ran out and the whole process tree was killed.</param>
/// <param name="Duration">From start to exit (or to the kill).</param>
/// <param name="Tail">The last lines of its output (standard output and error, in the order they arrived).</param>
/// <param name="OutputLeftOpen">True when a process the suite left behind kept its output open after it ended.</param>
internal sealed record SuiteResult(int? ExitCode, bool TimedOut, TimeSpan Duration, IReadOnlyList<string> Tail, bool OutputLeftOpen);

/// <summary>
/// Runs a test suite's command as an argument vector — never through a shell, so a feature name such as
/// <c>x"; touch pwned; echo "</c> or <c>$(touch pwned)</c> reaches the program as one argument and runs nothing.
/// Streams the output as it comes, keeps its tail, closes standard input (a suite waiting for a keypress ends
/// instead of hanging), and on <c>--timeout</c> or an interruption kills the whole process tree.
/// </summary>
internal static class SuiteRunner
{
    public const int TailLines = 20;

    // After the suite exits, a process it started in the background may hold the output pipes open; wait this long for them.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan SignalGrace = TimeSpan.FromMilliseconds(500);

    // The exit code .NET reports for a child ended by SIGINT or SIGTERM (128 + the signal's number).
    private const int SignalledBySigint = 130;
    private const int SignalledBySigterm = 143;

    public static async Task<SuiteResult> RunAsync(
        IReadOnlyList<string> command,
        string workingDirectory,
        IReadOnlyDictionary<string, string> variables,
        TextWriter output,
        TextWriter error,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        // Every process the suite starts inherits this mark, so one that its parent left behind is still found.
        var mark = Guid.NewGuid().ToString("N");
        info.Environment[SuiteProcesses.MarkVariable] = mark;

        info.FileName = ResolveProgram(command[0], workingDirectory, info.Environment.TryGetValue("PATH", out var path) ? path : null);
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        var tail = new Queue<string>();
        var gate = new Lock();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new HotfixOperationException($"the command could not start: {command[0]}: {e.Message}", "nothing ran and nothing was recorded", e);
        }

        process.StandardInput.Close();
        using var drain = new CancellationTokenSource();
        var readers = new[]
        {
            Pump(process.StandardOutput, output, tail, gate, drain.Token),
            Pump(process.StandardError, error, tail, gate, drain.Token),
        };

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t)
        {
            limit.CancelAfter(t);
        }

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process, mark);
            timedOut = !cancellationToken.IsCancellationRequested;
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        stopwatch.Stop();
        if (!timedOut && !cancellationToken.IsCancellationRequested && process.ExitCode is SignalledBySigint or SignalledBySigterm)
        {
            // Ctrl+C reaches the suite and hotfix together; the suite may die of it before hotfix's own handler runs.
            // Give that handler a moment, so the run is an interruption rather than a recorded failure.
            try
            {
                await Task.Delay(SignalGrace, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The signal came: handled below.
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // The suite's shell may have died of the signal already, orphaning what it started in the background.
            KillTree(process, mark);
        }

        var leftOpen = false;
        try
        {
            await Task.WhenAll(readers).WaitAsync(DrainGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            leftOpen = true;
            await drain.CancelAsync().ConfigureAwait(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            throw new HotfixOperationException(
                $"interrupted: {command[0]} and every process it started were stopped",
                "the run was not recorded (an interrupted suite is not a result)");
        }

        lock (gate)
        {
            return new SuiteResult(timedOut ? null : process.ExitCode, timedOut, stopwatch.Elapsed, tail.ToList(), leftOpen);
        }
    }

    /// <summary>
    /// The program to start: a path with a '/' is taken from the working directory (the repository root), a bare name
    /// is looked up on PATH only — never in the current directory, exactly as a shell does.
    /// </summary>
    private static string ResolveProgram(string program, string workingDirectory, string? path)
    {
        if (OperatingSystem.IsWindows())
        {
            return program;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            return Path.GetFullPath(program, workingDirectory);
        }

        foreach (var directory in (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        throw new HotfixOperationException($"the command could not start: '{program}' was not found on PATH", "nothing ran and nothing was recorded");
    }

    /// <summary>
    /// The suite's process tree, and every process still carrying the run's mark: a Ctrl+C reaches the whole process
    /// group, so the suite's shell may already be gone and its background children orphaned out of the tree.
    /// </summary>
    private static void KillTree(Process process, string mark)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill; its exit is what WaitForExit reports next.
        }

        SuiteProcesses.KillMarked(mark);
    }

    private static async Task Pump(StreamReader reader, TextWriter writer, Queue<string> tail, Lock gate, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lock (gate)
                {
                    writer.WriteLine(line);
                    writer.Flush();
                    tail.Enqueue(line);
                    if (tail.Count > TailLines)
                    {
                        tail.Dequeue();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The suite ended but something it started still holds the pipe: stop reading, the run is over.
        }
    }
}
