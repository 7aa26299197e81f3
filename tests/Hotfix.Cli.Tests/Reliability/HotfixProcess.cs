using System.Diagnostics;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// The CLI as a real process, to be killed: the native AOT binary when the run has one (HOTFIX_NATIVE_BINARY, as
/// test.sh sets), else the apphost the build puts beside the tests.
/// </summary>
internal static class HotfixProcess
{
    public static string Executable => NativeBinary.Path is { } native && File.Exists(native) ? native : JitExecutable;

    /// <summary>The JIT-compiled apphost; the kill hook's per-file checkout points use its checkout callback.</summary>
    public static string JitExecutable => Path.Combine(AppContext.BaseDirectory, "hotfix");

    public static IReadOnlyDictionary<string, string?> Environment(int? killAtStep = null)
    {
        var environment = new Dictionary<string, string?>(GitCli.Environment) { ["NO_COLOR"] = "1" };
        if (killAtStep is { } step)
        {
            environment[Git.GitRepository.KillAtStepVariable] = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return environment;
    }

    public static ProcessResult Run(string workingDirectory, string executable, int? killAtStep, params string[] arguments) =>
        ProcessRunner.Run(executable, arguments, workingDirectory, Environment(killAtStep));

    public static Process Start(string workingDirectory, string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
    }
}
