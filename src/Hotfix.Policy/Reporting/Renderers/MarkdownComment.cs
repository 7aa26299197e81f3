namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// Keeps Markdown that CI posts as a pull-request or issue comment under GitHub's limit. The comment is posted whole or
/// not at all, so a section too long for its room keeps its first parts and says how many it left out. A part is the
/// section's heading, a block, or — in a table, list or task list — one row or item, so a long table keeps its first
/// rows rather than vanishing whole.
/// </summary>
internal static class MarkdownComment
{
    /// <summary>GitHub's limit on a comment's body, in characters.</summary>
    public const int CommentLimit = 65_536;

    /// <summary>Kept below the limit for what GitHub may count differently from .NET (an emoji, a line break sent as CRLF).</summary>
    public const int Budget = CommentLimit - 4_096;

    /// <summary>Room kept for the line that says what was left out.</summary>
    public const int CutNoteRoom = 300;

    /// <summary>
    /// The section as its heading (<paramref name="headingMarks"/>, e.g. <c>##</c>), then its parts, each ending in
    /// <c>\n</c>: the unit a cut keeps or leaves out.
    /// </summary>
    public static IReadOnlyList<string> Parts(ReportSection section, string headingMarks)
    {
        var parts = new List<string> { $"{headingMarks} {MarkdownBlockWriter.Escape(section.Title)}\n\n" };
        foreach (var block in section.Blocks())
        {
            parts.AddRange(MarkdownBlockWriter.Pieces(block));
        }

        return parts;
    }

    /// <summary>
    /// The heading and as many parts as fit in <paramref name="allowance"/>, then a line saying what was left out and
    /// where the whole of it is (<paramref name="fullReport"/>, e.g. "--format json").
    /// </summary>
    public static string Within(IReadOnlyList<string> parts, int allowance, string fullReport)
    {
        if (parts.Sum(p => p.Length) <= allowance)
        {
            return string.Concat(parts);
        }

        var kept = new System.Text.StringBuilder(parts[0]);
        var shown = 1;
        while (shown < parts.Count && kept.Length + parts[shown].Length + CutNoteRoom <= allowance)
        {
            kept.Append(parts[shown++]);
        }

        // A cut inside a table or list: without a blank line GFM would read the note as one more row or item.
        if (!kept.ToString().EndsWith("\n\n", StringComparison.Ordinal))
        {
            kept.Append('\n');
        }

        return kept.Append($"_… {parts.Count - shown} more items of this section left out to keep the comment under GitHub's 65,536-character limit — the full report: {fullReport}._\n\n").ToString();
    }
}
