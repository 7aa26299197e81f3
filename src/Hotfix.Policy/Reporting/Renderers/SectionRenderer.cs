using System.Text.Json;

namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>
/// One section on its own — what <c>hotfix decide</c>, <c>review</c>, <c>checklist</c>, <c>verify</c> and <c>record</c>
/// print, and what a host posts to a chat: text (title and blocks), Markdown (a heading and blocks) or JSON (the
/// section's own object, as documented in docs/json-report.md).
/// </summary>
internal static class SectionRenderer
{
    public static IReadOnlyList<ReportFormat> Formats { get; } = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown];

    public static string ExpectedForm => "one of text, json, markdown";

    /// <param name="section">The section.</param>
    /// <param name="format">Text, JSON or Markdown.</param>
    /// <param name="output">Where it goes.</param>
    /// <param name="color">Bold titles (text on a terminal).</param>
    /// <param name="width">Columns text may take: tables wrap their cells to it; null leaves lines as long as their content.</param>
    public static void Render(ReportSection section, ReportFormat format, TextWriter output, bool color = false, int? width = null)
    {
        switch (format)
        {
            case ReportFormat.Json:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer, JsonReportRenderer.WriterOptions))
                    {
                        section.WriteJson(writer);
                    }

                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                break;
            case ReportFormat.Markdown:
                // CI posts it as a comment (a checklist on the pull request, the record on the incident's issue), which
                // GitHub refuses over its limit: the same cut as the check report's.
                var parts = MarkdownComment.Parts(section, "##");
                output.Write(MarkdownComment.Within(parts, MarkdownComment.Budget, "--format json").Replace("\n", output.NewLine, StringComparison.Ordinal));
                break;
            case ReportFormat.Text:
                output.WriteLine(new Ansi(color).Bold(section.Title));
                TextBlockWriter.Write(section.Blocks(), output, width: width);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, $"a single section is written as {ExpectedForm}");
        }
    }

    public static string RenderToString(ReportSection section, ReportFormat format)
    {
        using var writer = new StringWriter();
        Render(section, format, writer);
        return writer.ToString();
    }
}
