using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Branching;

/// <summary>Commit lists in messages: "abc1234 Subject" items, cut after a few so a message stays readable.</summary>
internal static class CommitLists
{
    public const int MessageItems = 10;

    public static string Describe(IReadOnlyList<CommitInfo> commits, int max = MessageItems)
    {
        var shown = commits.Take(max).Select(c => $"{c.ShortSha} {Printable(c.Subject)}");
        var more = commits.Count > max ? $"; … and {commits.Count - max} more" : string.Empty;
        return string.Join("; ", shown) + more;
    }

    public static string Count(int n, string singular) => n == 1 ? $"1 {singular}" : $"{n} {singular}s";

    /// <summary>Text from the command line or a repository, printable and at most 80 characters (a 300-character input would drown the message).</summary>
    public static string Excerpt(string text) => Printable(text.Length > 80 ? string.Concat(text.AsSpan(0, 77), "...") : text);

    /// <summary>Commit subjects come from anyone; control characters must not reach a terminal raw.</summary>
    public static string Printable(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : text;
}
