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

    public static void Render(ReportSection section, ReportFormat format, TextWriter output, bool color = false)
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
                output.WriteLine($"## {MarkdownBlockWriter.Escape(section.Title)}");
                output.WriteLine();
                MarkdownBlockWriter.Write(section.Blocks(), output);
                break;
            case ReportFormat.Text:
                output.WriteLine(new Ansi(color).Bold(section.Title));
                TextBlockWriter.Write(section.Blocks(), output);
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
