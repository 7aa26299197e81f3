using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>The report as a pull-request comment.</summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    public void Render(CheckReport report, TextWriter output)
    {
        var icon = report.IsBlocking ? "❌" : report.Counts.Warnings > 0 ? "⚠️" : "✅";
        output.WriteLine($"## {icon} Hotfix {report.Command}: `{report.Subject.BranchName.Replace("`", "'", StringComparison.Ordinal)}`");
        output.WriteLine();
        output.WriteLine(report.IsBlocking
            ? $"**Blocking** — {report.Counts}. Fix or waive the errors before merging."
            : $"**Not blocking** — {report.Counts}.");
        output.WriteLine();

        if (report.Findings.Count > 0)
        {
            output.WriteLine("| Severity | Rule | Location | Finding |");
            output.WriteLine("|---|---|---|---|");
            foreach (var f in report.Findings)
            {
                var rule = f.HelpLink is null ? f.RuleId : $"[{f.RuleId}]({f.HelpLink})";
                var location = f.Path is null ? "—" : "`" + (f.Line is { } line ? $"{f.Path}:{line}" : f.Path).Replace("`", "'", StringComparison.Ordinal) + "`";
                var message = MarkdownBlockWriter.Cell(f.Message);
                if (f.Waiver is { } waiver)
                {
                    message += $"<br>_waived ({waiver.OriginalSeverity.Name()} → info) by {MarkdownBlockWriter.Cell(waiver.Source)}: {MarkdownBlockWriter.Cell(waiver.Reason)}_";
                }

                output.WriteLine($"| {SeverityLabel(f.Severity)} | {rule} | {location} | {message} |");
            }

            output.WriteLine();
        }

        foreach (var section in report.Sections.Where(s => s.ForPeople))
        {
            output.WriteLine($"### {MarkdownBlockWriter.Escape(section.Title)}");
            output.WriteLine();
            MarkdownBlockWriter.Write(section.Blocks(), output);
        }

        output.WriteLine($"<sub>{report.Tool.Name} {report.Tool.Version} · commit {report.Subject.ShortSha}</sub>");
    }

    private static string SeverityLabel(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "❌ error",
        FindingSeverity.Warning => "⚠️ warning",
        _ => "ℹ️ info",
    };
}
