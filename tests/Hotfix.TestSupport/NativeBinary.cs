using Xunit;

namespace Hotfix.TestSupport;

/// <summary>
/// The native AOT build of the CLI, when the test run was given one: <c>HOTFIX_NATIVE_BINARY=/path/to/hotfix</c>
/// (test.sh publishes it and sets the variable). Tests marked <see cref="NativeBinaryFactAttribute"/> run the real
/// binary as a process, proving that what the JIT tests show also holds after trimming and AOT compilation.
/// </summary>
public static class NativeBinary
{
    public const string Variable = "HOTFIX_NATIVE_BINARY";

    public static string? Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrEmpty(path) ? null : System.IO.Path.GetFullPath(path);
        }
    }

    /// <summary>Runs the native binary with git's test environment (fixed identity, no global config).</summary>
    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        RunWith(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the native binary with extra environment variables (e.g. KUBECONFIG for the test API server).</summary>
    public static ProcessResult RunWith(string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(GitCli.Environment) { ["NO_COLOR"] = "1" };
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return ProcessRunner.Run(Path ?? throw new InvalidOperationException($"{Variable} is not set."), arguments, workingDirectory, environment);
    }
}

/// <summary>A fact that needs the native binary; skipped, with the reason, when <c>HOTFIX_NATIVE_BINARY</c> is unset.</summary>
public sealed class NativeBinaryFactAttribute : FactAttribute
{
    public NativeBinaryFactAttribute()
    {
        if (NativeBinary.Path is null)
        {
            Skip = $"{NativeBinary.Variable} is not set: run ./test.sh (it publishes the native AOT binary) to include these tests.";
        }
        else if (!File.Exists(NativeBinary.Path))
        {
            Skip = $"{NativeBinary.Variable}={NativeBinary.Path} does not exist.";
        }
    }
}
