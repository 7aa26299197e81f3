using System.Diagnostics.CodeAnalysis;

namespace Hotfix;

public enum ReportFormat
{
    /// <summary>For people at a terminal; colour only when writing to a terminal.</summary>
    Text,

    /// <summary>Stable machine-readable report; documented in docs/json-report.md.</summary>
    Json,

    /// <summary>A pull-request comment.</summary>
    Markdown,

    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (annotations), then the text report.</summary>
    Github,
}

public static class ReportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "markdown", "sarif", "github"];

    public static string ExpectedForm => "one of " + string.Join(", ", Names);

    public static string Name(this ReportFormat format) => Names[(int)format];

    public static bool TryParse([NotNullWhen(true)] string? text, out ReportFormat format)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text.ToLowerInvariant());
        format = index < 0 ? default : (ReportFormat)index;
        return index >= 0;
    }
}
