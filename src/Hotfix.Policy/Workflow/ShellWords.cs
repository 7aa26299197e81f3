namespace Hotfix.Policy.Workflow;

/// <summary>
/// Words of a command line for a POSIX shell, quoted only when needed, so a printed plan can be pasted and does
/// exactly what it says — even for a branch named <c>hotfix/INC-2026-0042-$(rm -rf ~)</c>.
/// </summary>
internal static class ShellWords
{
    /// <summary>The word as a shell reads it literally: bare when safe, else double quotes when they suffice, else single quotes.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        // Inside double quotes a shell still expands $, ` and \, and (interactively) !; single quotes stop everything.
        if (!word.Any(c => c is '$' or '`' or '\\' or '"' or '!' || char.IsControl(c)))
        {
            return "\"" + word + "\"";
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A command line from its words, each quoted as needed.</summary>
    public static string Join(params string[] words) => string.Join(' ', words.Select(Quote));

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/' or ',' or ':' or '=' or '+' or '@' or '%';
}
