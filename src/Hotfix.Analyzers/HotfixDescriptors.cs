using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers;

/// <summary>
/// Diagnostic descriptors generated from the shared rule catalogue, so an HF id has the same title, category and help
/// link in <c>dotnet build</c> as in <c>hotfix check</c>. <paramref name="messageFormat"/> is the analyzer's own.
/// </summary>
internal static class HotfixDescriptors
{
    public static DiagnosticDescriptor Create(string ruleId, string messageFormat, DiagnosticSeverity? severity = null)
    {
        var rule = RuleCatalogue.Get(ruleId);
        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            messageFormat,
            rule.Category,
            severity ?? ToDiagnosticSeverity(rule.DefaultSeverity),
            isEnabledByDefault: true,
            description: rule.Summary,
            helpLinkUri: rule.HelpLink,
            customTags: ["Hotfix"]);
    }

    public static DiagnosticSeverity ToDiagnosticSeverity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => DiagnosticSeverity.Error,
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
