using System.Text.Json.Serialization;
using Hotfix.Policy.Workflow;

namespace Hotfix.Policy.Policies;

/// <summary>
/// The command of a test suite (policy <c>tests.commands.SUITE</c>) as an argument vector: the program and its
/// arguments, run without a shell. Written in the policy as an array (<c>["npm", "run", "test"]</c>, taken word for
/// word) or as a string split by <see cref="TestCommandLine"/> (whitespace separates words, quotes group them; shell
/// syntax is refused). Placeholders <c>{feature}</c>, <c>{env}</c> and <c>{incident}</c> are filled in inside the
/// words after splitting, so a value is always data, never shell text.
/// </summary>
[JsonConverter(typeof(TestCommandJsonConverter))]
public sealed class TestCommand
{
    /// <summary>The placeholder for <c>hotfix test --feature NAME</c>.</summary>
    public const string FeaturePlaceholder = "{feature}";

    /// <summary>The placeholder for <c>hotfix test --env NAME</c>.</summary>
    public const string EnvironmentPlaceholder = "{env}";

    /// <summary>The placeholder for the incident id (INC-YYYY-NNNN).</summary>
    public const string IncidentPlaceholder = "{incident}";

    internal static readonly string[] Placeholders = [FeaturePlaceholder, EnvironmentPlaceholder, IncidentPlaceholder];

    private TestCommand(IReadOnlyList<string> arguments, string? text, string? problem)
    {
        Arguments = arguments;
        Text = text;
        Problem = problem;
    }

    /// <summary>The program and its arguments, placeholders not yet filled in; empty when <see cref="Text"/> could not be split.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The command as the policy wrote it when it was a string; null when it was an array.</summary>
    public string? Text { get; }

    /// <summary>The command as a person reads it: the policy's string, or the words quoted for a POSIX shell.</summary>
    public string Display => Text ?? ShellWords.Join([.. Arguments]);

    /// <summary>Why <see cref="Text"/> is not a command this tool runs (the policy validator reports it); null when it is.</summary>
    internal string? Problem { get; }

    /// <summary>A command from an argument vector, taken word for word.</summary>
    public static TestCommand FromArguments(IEnumerable<string> arguments) => new(arguments.ToList(), null, null);

    /// <summary>A command from a string, split by <see cref="TestCommandLine"/>'s documented rule.</summary>
    public static TestCommand FromText(string text) =>
        TestCommandLine.TrySplit(text, out var words, out var problem) ? new(words, text, null) : new([], text, problem);

    /// <summary>Whether any word uses <paramref name="placeholder"/>.</summary>
    public bool Uses(string placeholder) => Arguments.Any(a => a.Contains(placeholder, StringComparison.Ordinal));

    /// <summary>
    /// The words with every placeholder replaced by its value (inside a word, never splitting it): what is run.
    /// A placeholder without a value stays as written.
    /// </summary>
    public IReadOnlyList<string> Expand(IReadOnlyDictionary<string, string> values) =>
        Arguments.Select(a => values.Aggregate(a, (word, value) => word.Replace(value.Key, value.Value, StringComparison.Ordinal))).ToList();

    /// <inheritdoc/>
    public override string ToString() => Display;
}
