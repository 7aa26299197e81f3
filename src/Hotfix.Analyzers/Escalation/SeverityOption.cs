using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Escalation;

/// <summary>
/// The two .editorconfig levels of every HF rule: <c>hotfix.escalated_severity</c> (findings on lines the hotfix
/// changed) and <c>hotfix.background_severity</c> (everywhere else), each also per rule as
/// <c>hotfix.HFxxxx.escalated_severity</c> / <c>hotfix.HFxxxx.background_severity</c>. Values use the .editorconfig
/// severity words: error, warning, suggestion (info), silent (hidden), none.
/// </summary>
internal static class SeverityOption
{
    public const string Prefix = "hotfix.";
    public const string Escalated = "escalated_severity";
    public const string Background = "background_severity";

    /// <summary>The configured level, or <paramref name="fallback"/>; null means "do not report".</summary>
    public static DiagnosticSeverity? Read(AnalyzerConfigOptions options, string ruleId, string level, DiagnosticSeverity fallback)
    {
        if (options.TryGetValue(Prefix + ruleId + "." + level, out var value) && TryParse(value, out var perRule))
        {
            return perRule;
        }

        if (options.TryGetValue(Prefix + level, out value) && TryParse(value, out var all))
        {
            return all;
        }

        return fallback;
    }

    /// <summary>Parses an .editorconfig severity word; unknown words are ignored (the default stays) rather than failing a build.</summary>
    public static bool TryParse(string? value, out DiagnosticSeverity? severity)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = DiagnosticSeverity.Error;
                return true;
            case "warning":
                severity = DiagnosticSeverity.Warning;
                return true;
            case "suggestion":
            case "info":
                severity = DiagnosticSeverity.Info;
                return true;
            case "silent":
            case "hidden":
            case "refactoring":
                severity = DiagnosticSeverity.Hidden;
                return true;
            case "none":
                severity = null;
                return true;
            default:
                severity = null;
                return false;
        }
    }
}
