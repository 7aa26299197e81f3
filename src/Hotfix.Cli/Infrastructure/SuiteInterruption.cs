using System.Runtime.InteropServices;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (a CI cancel, <c>timeout</c>, a pod being deleted) while a suite runs. Without this the
/// runtime ends hotfix at once and the suite's process tree keeps running unattended. The signal is taken over for the
/// run (the default termination is cancelled), the run's token is cancelled so the runner kills the tree as
/// <c>--timeout</c> does, and the command then exits with the shell's code for the signal (128 + its number).
/// </summary>
internal sealed class SuiteInterruption : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly List<PosixSignalRegistration> registrations = [];
    private volatile string? signal;

    private SuiteInterruption(CancellationToken outer)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (OperatingSystem.IsWindows() || OperatingSystem.IsBrowser())
        {
            return;
        }

        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, "SIGINT")));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, "SIGTERM")));
    }

    /// <summary>Cancelled by the outer token or by either signal.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>"SIGINT" or "SIGTERM" once one arrived; null otherwise.</summary>
    public string? Signal => signal;

    /// <summary>The exit code a shell reports for a process ended by the signal: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => signal == "SIGTERM" ? 143 : 130;

    public static SuiteInterruption Watch(CancellationToken outer) => new(outer);

    private void Interrupt(PosixSignalContext context, string name)
    {
        context.Cancel = true;
        signal ??= name;
        source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }
}
