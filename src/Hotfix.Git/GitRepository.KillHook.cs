using System.Diagnostics;
using System.Globalization;

namespace Hotfix.Git;

/// <summary>
/// Test hook for the fault campaign (docs/reliability.md): with <c>HOTFIX_FAULT_KILL_AT_STEP=N</c> in the
/// environment, the process kills itself with SIGKILL just before its Nth repository write (journal writes, ref
/// updates, HEAD, each file of a checkout), so tests can stop a real process at every write of start or finish.
/// SIGKILL, not an exception: no catch or finally block may run, exactly as when an operator's kill -9 or an OOM
/// killer stops it. Unset (always, outside tests), it costs one environment lookup per write.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>The environment variable of the kill hook.</summary>
    public const string KillAtStepVariable = "HOTFIX_FAULT_KILL_AT_STEP";

    private int writes;

    private void BeforeWrite(string what)
    {
        writes++;
        if (GetVariable(KillAtStepVariable) is { } value
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && step == writes)
        {
            Console.Error.WriteLine($"hotfix: {KillAtStepVariable}={step}: killing this process before write {step} ({what})");
            Console.Error.Flush();
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
