using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Examples shown at the end of a command's help, as gh and kubectl show them: every command attaches two or three
/// real command lines with <see cref="Attach"/>, and the help of any command prints its own.
/// </summary>
internal static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<Example>> Table = [];

    /// <summary>One example: what it does, and the exact line a user types.</summary>
    internal sealed record Example(string What, string Line);

    /// <summary>Attaches examples to <paramref name="command"/>: pairs of (what it does, the command line).</summary>
    public static void Attach(Command command, params (string What, string Line)[] examples) =>
        Table.AddOrUpdate(command, examples.Select(e => new Example(e.What, e.Line)).ToList());

    public static IReadOnlyList<Example> Of(Command command) => Table.TryGetValue(command, out var examples) ? examples : [];

    public static void Write(Command command, TextWriter output)
    {
        var examples = Of(command);
        if (examples.Count == 0)
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  # {example.What}");
            output.WriteLine($"  {example.Line}");
            output.WriteLine();
        }
    }
}
