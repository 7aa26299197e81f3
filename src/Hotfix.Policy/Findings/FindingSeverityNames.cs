using System.Diagnostics.CodeAnalysis;

namespace Hotfix.Policy.Findings;

/// <summary>The lower-case names used in policy files and reports: error, warning, info.</summary>
internal static class FindingSeverityNames
{
    public const string ExpectedForm = "one of error, warning, info";

    public static string Name(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out FindingSeverity severity)
    {
        switch (text)
        {
            case "error": severity = FindingSeverity.Error; return true;
            case "warning": severity = FindingSeverity.Warning; return true;
            case "info": severity = FindingSeverity.Info; return true;
            default: severity = default; return false;
        }
    }
}
