using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// The report as a pull-request comment. GitHub refuses a comment over <see cref="MarkdownComment.CommentLimit"/>
/// characters, and the comment is posted whole or not at all, so the findings table and the sections are cut to fit
/// (<see cref="MarkdownComment"/>): errors first, each cut saying how much it left out and that JSON and SARIF have
/// everything.
/// </summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    private const int Budget = MarkdownComment.Budget;
    private const int CutNoteRoom = MarkdownComment.CutNoteRoom;
    private const string FullReport = "--format json or sarif";

    public void Render(CheckReport report, TextWriter output)
    {
        var icon = report.IsBlocking ? "❌" : report.Counts.Warnings > 0 ? "⚠️" : "✅";
        var head = $"## {icon} Hotfix {report.Command}: {MarkdownBlockWriter.InlineCode(report.Subject.BranchName)}\n\n"
            + (report.IsBlocking
                ? $"**Blocking** — {report.Counts}. Fix or waive the errors before merging."
                : $"**Not blocking** — {report.Counts}.")
            + "\n\n";
        var foot = $"<sub>{report.Tool.Name} {report.Tool.Version} · commit {report.Subject.ShortSha}</sub>\n";
        var sections = report.Sections.Where(s => s.ForPeople).Select(s => MarkdownComment.Parts(s, "###")).ToList();

        // The findings come first and may take half the comment, more when the sections leave it free.
        var room = Budget - head.Length - foot.Length;
        var table = FindingsTable(report.Findings, Math.Max(room / 2, room - sections.Sum(s => s.Sum(p => p.Length))));
        var allowances = Allowances(sections.Select(s => s.Sum(p => p.Length)).ToList(), room - table.Length);

        output.Write(head.Replace("\n", output.NewLine, StringComparison.Ordinal));
        output.Write(table.Replace("\n", output.NewLine, StringComparison.Ordinal));
        for (var i = 0; i < sections.Count; i++)
        {
            output.Write(MarkdownComment.Within(sections[i], allowances[i], FullReport).Replace("\n", output.NewLine, StringComparison.Ordinal));
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
            table.Append($"| … | | | {rest.Count} more findings ({FindingCounts.Of(rest)}) — the full list: {FullReport} |\n");
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

    private static string SeverityLabel(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "❌ error",
        FindingSeverity.Warning => "⚠️ warning",
        _ => "ℹ️ info",
    };
}
