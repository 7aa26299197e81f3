using Hotfix.Policy.Findings;
using Hotfix.Policy.Text;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>The report for a person at a terminal: findings first (most severe first), then the sections, then the verdict.</summary>
internal sealed class TextReportRenderer(RenderOptions options) : IReportRenderer
{
    private readonly Ansi ansi = new(options.Color);

    public void Render(CheckReport report, TextWriter output)
    {
        output.WriteLine(ansi.Bold($"hotfix {report.Command}: {Inert(report.Subject.BranchName)}") + ansi.Dim($" ({report.Subject.ShortSha})"));
        output.WriteLine();

        foreach (var finding in report.Findings)
        {
            var where = finding.Path is null ? string.Empty : Location(finding) + "  ";
            output.WriteLine($"{Severity(finding.Severity)} {ansi.Bold(finding.RuleId)}  {where}{Inert(finding.Message)}");
            if (finding.Waiver is { } waiver)
            {
                output.WriteLine($"        waived ({waiver.OriginalSeverity.Name()} → info) by {Inert(waiver.Source)}: {Inert(waiver.Reason)}");
            }

            if (finding.HelpLink is not null)
            {
                output.WriteLine(ansi.Dim($"        see {finding.HelpLink}"));
            }
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var section in report.Sections.Where(s => s.ForPeople))
        {
            output.WriteLine(ansi.Bold(section.Title));
            TextBlockWriter.Write(section.Blocks(), output);
            output.WriteLine();
        }

        var verdict = report.IsBlocking
            ? ansi.Red("blocking: fix or waive the errors above (exit 1)")
            : report.Findings.Count == 0 ? ansi.Green("no findings") : ansi.Green("no blocking findings");
        output.WriteLine($"Result: {report.Counts} — {verdict}");
    }

    private static string Location(Finding finding) =>
        Inert(finding.Line is { } line ? $"{finding.Path}:{line}" : finding.Path!);

    // Paths, subjects and reasons come from the repository and its authors: shown, never sent to the terminal.
    private static string Inert(string text) => ControlCharacters.Neutralise(text);

    private string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => ansi.Red("error  "),
        FindingSeverity.Warning => ansi.Yellow("warning"),
        _ => ansi.Cyan("info   "),
    };
}
