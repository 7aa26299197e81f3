namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Finds a suite's processes by a variable every one of them inherits. A process whose parent died is moved out of
/// the parent's tree, so walking the tree misses exactly the background processes an interrupted suite leaves; the
/// inherited variable still names them (Linux: <c>/proc/PID/environ</c>; elsewhere only the tree is killed).
/// </summary>
internal static class SuiteProcesses
{
    public const string MarkVariable = "HOTFIX_RUN_MARK";

    public static void KillMarked(string mark)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var needle = $"{MarkVariable}={mark}";
        foreach (var directory in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId || !Carries(directory, needle))
            {
                continue;
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to kill: nothing more can be done for it.
            }
        }
    }

    private static bool Carries(string directory, string needle)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, "environ")).Split('\0').Contains(needle, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
