namespace Hotfix.Policy.Reporting.Renderers;

/// <summary>Draws a check report in one format.</summary>
internal interface IReportRenderer
{
    void Render(CheckReport report, TextWriter output);
}

internal static class ReportRenderers
{
    public static IReportRenderer For(ReportFormat format, RenderOptions options) => format switch
    {
        ReportFormat.Json => new JsonReportRenderer(),
        ReportFormat.Markdown => new MarkdownReportRenderer(),
        ReportFormat.Sarif => new SarifReportRenderer(options),
        ReportFormat.Github => new GitHubReportRenderer(),
        _ => new TextReportRenderer(options),
    };

    /// <summary>The report as a string, for hosts that post it somewhere (chat, a PR comment).</summary>
    public static string RenderToString(this IReportRenderer renderer, CheckReport report)
    {
        using var writer = new StringWriter();
        renderer.Render(report, writer);
        return writer.ToString();
    }
}
