using System.Text.RegularExpressions;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// What makes <c>tests.commands.SUITE</c> runnable: a string that splits without shell syntax, or an array whose first
/// word names a program, and only the placeholders <c>hotfix test</c> fills in.
/// </summary>
internal static partial class TestCommandRules
{
    public static void Check(TestCommand command, string path, Action<string, string> problem)
    {
        if (command.Problem is { } split)
        {
            problem($"\"{command.Text}\" ({split})", TestCommandLine.Rule);
            return;
        }

        if (command.Arguments.Count == 0 || string.IsNullOrWhiteSpace(command.Arguments[0]))
        {
            problem(command.Arguments.Count == 0 ? "no words" : "an empty program name", "the command that runs this suite: the program first, then its arguments");
            return;
        }

        if (command.Arguments.Any(a => a.Contains('\0', StringComparison.Ordinal)))
        {
            problem("a NUL character", "words a program can receive (no NUL characters)");
        }

        if (ShellScriptWithPlaceholder(command.Arguments) is { } shell)
        {
            problem($"a placeholder inside the script of '{shell} -c' (the value would become shell text)",
                "placeholders only in the words of a program run directly; a shell script reads the values from $HOTFIX_TEST_FEATURE, $HOTFIX_TEST_ENV and $HOTFIX_INCIDENT (quoted: \"$HOTFIX_TEST_FEATURE\")");
        }

        foreach (var unknown in command.Arguments.SelectMany(a => Placeholder().Matches(a)).Select(m => m.Value)
                     .Where(p => !TestCommand.Placeholders.Contains(p)).Distinct(StringComparer.Ordinal))
        {
            problem($"the placeholder {unknown}", $"only {string.Join(", ", TestCommand.Placeholders)} (filled in by hotfix test --feature, --env and the incident)");
        }
    }

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox", "fish", "pwsh", "powershell", "cmd", "cmd.exe" };

    /// <summary>The shell whose command-line script (<c>-c</c>, <c>-ec</c>, <c>/c</c>, <c>-Command</c>) would receive a placeholder's value, or null.</summary>
    private static string? ShellScriptWithPlaceholder(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var name = words[i].Replace('\\', '/');
            name = name[(name.LastIndexOf('/') + 1)..];
            if (!Shells.Contains(name))
            {
                continue;
            }

            var rest = words.Skip(i + 1).ToList();
            var scripted = rest.Any(w => (w.StartsWith('-') && !w.StartsWith("--", StringComparison.Ordinal) && w.Contains('c', StringComparison.Ordinal))
                || w.Equals("/c", StringComparison.OrdinalIgnoreCase) || w.StartsWith("-Command", StringComparison.OrdinalIgnoreCase));
            if (scripted && rest.Any(w => Placeholder().IsMatch(w)))
            {
                return name;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_-]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
