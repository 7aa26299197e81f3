using System.Diagnostics;
using System.Globalization;

namespace Hotfix.Git;

/// <summary>
/// A process named by its id and its start time, so a pid the system reused for another program is not taken for
/// the finish that wrote a journal. On Linux the start time is /proc/PID/stat's starttime (and a zombie counts as
/// gone); elsewhere .NET's Process.StartTime.
/// </summary>
internal sealed record OwnerProcess(int Pid, string Start)
{
    public static OwnerProcess Current { get; } = new(Environment.ProcessId, StartOf(Environment.ProcessId) ?? "unknown");

    public bool IsRunning => Pid == Environment.ProcessId || StartOf(Pid) == Start;

    public override string ToString() => $"pid {Pid}";

    private static string? StartOf(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            // Fields after the command name (which may contain spaces) start at the last ')': state is the first,
            // starttime the twentieth (field 22 of proc(5)).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && fields[0] is not ("Z" or "X") ? fields[19] : null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
