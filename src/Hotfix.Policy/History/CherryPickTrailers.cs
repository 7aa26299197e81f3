using System.Text.RegularExpressions;

namespace Hotfix.Policy.History;

/// <summary>
/// The line <c>git cherry-pick -x</c> appends to a copy's message: "(cherry picked from commit &lt;full sha&gt;)".
/// A copy of a copy carries one per pick. It is the only record git keeps of where a commit came from.
/// </summary>
internal static partial class CherryPickTrailers
{
    /// <summary>The commits <paramref name="message"/> says it was cherry-picked from, oldest pick first.</summary>
    public static IReadOnlyList<string> Sources(string message) =>
        message.Contains("cherry picked from commit ", StringComparison.Ordinal)
            ? Trailer().Matches(message).Select(m => m.Groups["sha"].Value).ToList()
            : [];

    /// <summary>True when <paramref name="message"/> says its commit is a cherry-picked copy of another.</summary>
    public static bool IsCopy(string message) => Sources(message).Count > 0;

    /// <summary>True when <paramref name="message"/> names <paramref name="sha"/> as a commit it was cherry-picked from.</summary>
    public static bool Names(string message, string sha) => Sources(message).Contains(sha, StringComparer.Ordinal);

    [GeneratedRegex(@"\(cherry picked from commit (?<sha>[0-9a-f]{40}(?:[0-9a-f]{24})?)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Trailer();
}
