using System.Diagnostics;
using System.Globalization;

namespace Hotfix.Git;

/// <summary>
/// The fault campaign's kill hook (<see cref="GitRepository.KillAtStepVariable"/>) for incident-record appends: with
/// <c>HOTFIX_FAULT_KILL_AT_STEP=N</c> the process kills itself with SIGKILL before its Nth record write — the objects
/// of an entry (odd steps), then the reference update (even steps) — so tests can prove a kill loses nothing.
/// </summary>
internal static class RecordKillHook
{
    private static int writes;

    public static void BeforeWrite(string what)
    {
        var write = Interlocked.Increment(ref writes);
        if (Environment.GetEnvironmentVariable(GitRepository.KillAtStepVariable) is { } value
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && step == write)
        {
            Console.Error.WriteLine($"hotfix: {GitRepository.KillAtStepVariable}={step}: killing this process before write {step} ({what})");
            Console.Error.Flush();
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
