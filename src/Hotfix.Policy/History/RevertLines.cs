using System.Text.RegularExpressions;

namespace Hotfix.Policy.History;

/// <summary>
/// The line <c>git revert</c> writes into its commit's message: "This reverts commit &lt;sha&gt;." — followed, for a
/// merge reverted with <c>-m</c>, by ", reversing changes made to &lt;sha&gt;.".
/// </summary>
internal static partial class RevertLines
{
    /// <summary>The first such line of <paramref name="message"/>: the hex it names, and what follows it on the line (After); null when none.</summary>
    public static (string Sha, string After)? Find(string message) =>
        message.Contains("This reverts commit ", StringComparison.Ordinal) && Line().Match(message) is { Success: true } match
            ? (match.Groups["sha"].Value, match.Groups["rest"].Value)
            : null;

    /// <summary>The parent a merge's revert kept (<c>git revert -m N</c>): the sha after "reversing changes made to"; null when none.</summary>
    public static string? Mainline(string message) =>
        message.Contains("changes made to ", StringComparison.Ordinal) && MainlineLine().Match(message) is { Success: true } match
            ? match.Groups["sha"].Value
            : null;

    [GeneratedRegex(@"This reverts commit [0-9a-f]+,\s+reversing\s+changes made to (?<sha>[0-9a-f]{40,64})", RegexOptions.CultureInvariant)]
    private static partial Regex MainlineLine();

    [GeneratedRegex(@"^This reverts commit (?<sha>[0-9a-f]+)(?<rest>[^\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
