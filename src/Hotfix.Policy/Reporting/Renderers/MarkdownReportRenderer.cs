using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// The report as a pull-request comment. GitHub refuses a comment over <see cref="CommentLimit"/> characters, and the
/// comment is posted whole or not at all, so the findings table and the sections are cut to fit: errors first, each
/// cut saying how much it left out and that JSON and SARIF have everything.
/// </summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    /// <summary>GitHub's limit on a pull-request comment's body, in characters.</summary>
    public const int CommentLimit = 65_536;

    // Kept below the limit for what GitHub may count differently from .NET (an emoji, a line break sent as CRLF).
    private const int Budget = CommentLimit - 4_096;

    // Room kept for the line that says what was left out.
    private const int CutNoteRoom = 300;

    public void Render(CheckReport report, TextWriter output)
    {
        var icon = report.IsBlocking ? "❌" : report.Counts.Warnings > 0 ? "⚠️" : "✅";
        var head = $"## {icon} Hotfix {report.Command}: {MarkdownBlockWriter.InlineCode(report.Subject.BranchName)}\n\n"
            + (report.IsBlocking
                ? $"**Blocking** — {report.Counts}. Fix or waive the errors before merging."
                : $"**Not blocking** — {report.Counts}.")
            + "\n\n";
        var foot = $"<sub>{report.Tool.Name} {report.Tool.Version} · commit {report.Subject.ShortSha}</sub>\n";
        var sections = report.Sections.Where(s => s.ForPeople).Select(Parts).ToList();

        // The findings come first and may take half the comment, more when the sections leave it free.
        var room = Budget - head.Length - foot.Length;
        var table = FindingsTable(report.Findings, Math.Max(room / 2, room - sections.Sum(s => s.Sum(p => p.Length))));
        var allowances = Allowances(sections.Select(s => s.Sum(p => p.Length)).ToList(), room - table.Length);

        output.Write(head.Replace("\n", output.NewLine, StringComparison.Ordinal));
        output.Write(table.Replace("\n", output.NewLine, StringComparison.Ordinal));
        for (var i = 0; i < sections.Count; i++)
        {
            output.Write(Within(sections[i], allowances[i]).Replace("\n", output.NewLine, StringComparison.Ordinal));
        }

        output.Write(foot.Replace("\n", output.NewLine, StringComparison.Ordinal));
    }

    /// <summary>The findings table in at most <paramref name="room"/> characters; the rows that do not fit are counted in its last row.</summary>
    private static string FindingsTable(IReadOnlyList<Finding> findings, int room)
    {
        if (findings.Count == 0)
        {
            return string.Empty;
        }

        var rows = findings.Select(Row).ToList();
        var table = new System.Text.StringBuilder("| Severity | Rule | Location | Finding |\n|---|---|---|---|\n");
        var all = table.Length + rows.Sum(r => r.Length) + 1 <= room;
        var shown = 0;
        while (shown < rows.Count && (all || table.Length + rows[shown].Length + CutNoteRoom <= room))
        {
            table.Append(rows[shown++]);
        }

        if (shown < rows.Count)
        {
            // Findings are sorted most severe first, so what is left out is never more severe than what is shown.
            var rest = findings.Skip(shown).ToList();
            table.Append($"| … | | | {rest.Count} more findings ({FindingCounts.Of(rest)}) — the full list: --format json or sarif |\n");
        }

        return table.Append('\n').ToString();
    }

    private static string Row(Finding f)
    {
        var rule = f.HelpLink is null ? f.RuleId : $"[{f.RuleId}]({f.HelpLink})";
        var location = f.Path is null ? "—" : MarkdownBlockWriter.CodeCell(f.Line is { } line ? $"{f.Path}:{line}" : f.Path);
        var message = MarkdownBlockWriter.Cell(f.Message);
        if (f.Waiver is { } waiver)
        {
            message += $"<br>_waived ({waiver.OriginalSeverity.Name()} → info) by {MarkdownBlockWriter.Cell(waiver.Source)}: {MarkdownBlockWriter.Cell(waiver.Reason)}_";
        }

        return $"| {SeverityLabel(f.Severity)} | {rule} | {location} | {message} |\n";
    }

    /// <summary>A section as its heading, then one string per block (the unit a cut keeps or leaves out).</summary>
    private static IReadOnlyList<string> Parts(ReportSection section)
    {
        var parts = new List<string> { $"### {MarkdownBlockWriter.Escape(section.Title)}\n\n" };
        foreach (var block in section.Blocks())
        {
            using var writer = new StringWriter { NewLine = "\n" };
            MarkdownBlockWriter.Write([block], writer);
            parts.Add(writer.ToString());
        }

        return parts;
    }

    /// <summary>
    /// Shares <paramref name="room"/> among sections of the given sizes: small sections whole, what is left split evenly
    /// among the larger ones — so one long section (sixty migrations) cannot push the required tests out.
    /// </summary>
    private static int[] Allowances(IReadOnlyList<int> sizes, int room)
    {
        var allowances = new int[sizes.Count];
        var left = Math.Max(0, room);
        var order = Enumerable.Range(0, sizes.Count).OrderBy(i => sizes[i]).ToList();
        for (var k = 0; k < order.Count; k++)
        {
            var i = order[k];
            allowances[i] = Math.Min(sizes[i], left / (order.Count - k));
            left -= allowances[i];
        }

        return allowances;
    }

    /// <summary>The section's heading and as many of its blocks as fit in <paramref name="allowance"/>, then what was left out.</summary>
    private static string Within(IReadOnlyList<string> parts, int allowance)
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

        return kept.Append($"_… {parts.Count - shown} more items of this section left out to keep the comment under GitHub's 65,536-character limit — the full report: --format json or sarif._\n\n").ToString();
    }

    private static string SeverityLabel(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "❌ error",
        FindingSeverity.Warning => "⚠️ warning",
        _ => "ℹ️ info",
    };
}
