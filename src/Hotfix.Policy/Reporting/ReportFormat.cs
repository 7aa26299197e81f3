using System.Diagnostics.CodeAnalysis;

namespace Hotfix;

/// <summary>How a report is written (<c>--format</c>).</summary>
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

/// <summary>The names of <see cref="ReportFormat"/> as <c>--format</c> and the policy spell them.</summary>
public static class ReportFormats
{
    /// <summary>
    /// Every format name, in the order of <see cref="ReportFormat"/>: text, json, markdown, sarif, github.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "markdown", "sarif", "github"];

    /// <summary>The accepted names, for messages about a bad <c>--format</c>.</summary>
    public static string ExpectedForm => "one of " + string.Join(", ", Names);

    /// <summary>The format's name as <c>--format</c> accepts it (lowercase).</summary>
    public static string Name(this ReportFormat format) => Names[(int)format];

    /// <summary>
    /// Parses a format name in any letter case; false (and the default format) for null or an unknown name.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportFormat format)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text.ToLowerInvariant());
        format = index < 0 ? default : (ReportFormat)index;
        return index >= 0;
    }
}
