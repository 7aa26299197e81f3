using System.Text;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Text;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// GitHub Actions workflow commands: one annotation per finding (<c>::error file=…,line=…,title=…::message</c>),
/// followed by the plain text report for the log. Escaping follows the runner's rules so a message with a newline,
/// '%', ':' or ',' cannot break out of its command.
/// </summary>
internal sealed class GitHubReportRenderer : IReportRenderer
{
    public void Render(CheckReport report, TextWriter output)
    {
        foreach (var f in report.Findings)
        {
            var command = f.Severity switch
            {
                FindingSeverity.Error => "error",
                FindingSeverity.Warning => "warning",
                _ => "notice",
            };
            var properties = new List<string>();
            if (f.Path is not null)
            {
                properties.Add("file=" + EscapeProperty(f.Path));
                if (f.Line is { } line)
                {
                    properties.Add($"line={line}");
                    if (f.EndLine is { } end && end != line)
                    {
                        properties.Add($"endLine={end}");
                    }
                }
            }

            var title = f.RuleId + " " + (Rules.RuleCatalogue.Find(f.RuleId)?.Title ?? string.Empty);
            properties.Add("title=" + EscapeProperty(title.Trim()));
            var message = new StringBuilder(f.Message);
            if (f.Waiver is { } waiver)
            {
                message.Append($"\nWaived ({waiver.OriginalSeverity.Name()} → info) by {waiver.Source}: {waiver.Reason}");
            }

            if (f.HelpLink is not null)
            {
                message.Append("\nSee " + f.HelpLink);
            }

            output.WriteLine($"::{command} {string.Join(",", properties)}::{EscapeData(message.ToString())}");
        }

        // The log part must not be able to issue workflow commands of its own.
        var text = new TextReportRenderer(new RenderOptions(Color: false)).RenderToString(report);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            output.WriteLine(LogLine(line));
        }
    }

    /// <summary>
    /// A line of the plain log that cannot be read as a workflow command: the runner splits on CR as well as LF, runs
    /// a line whose trimmed start is <c>::</c>, and runs the older <c>##[command]</c> form found anywhere in a line.
    /// So CR and other controls are shown as <c>\xNN</c>, a leading <c>::</c> becomes <c>: :</c>, and <c>##[</c> becomes <c>#\#[</c>.
    /// </summary>
    public static string LogLine(string line)
    {
        line = ControlCharacters.Neutralise(line).Replace("##[", "#\\#[", StringComparison.Ordinal);
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("::", StringComparison.Ordinal) ? ": :" + trimmed[2..] : line;
    }

    /// <summary>Data of a workflow command (the message after <c>::</c>): <c>%</c>, CR and LF escaped as the runner unescapes them.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value (<c>file=</c>, <c>title=</c>): as data, plus <c>:</c> and <c>,</c>, which end a property.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
