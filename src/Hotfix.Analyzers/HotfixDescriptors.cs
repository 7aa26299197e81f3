using System.Text.RegularExpressions;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers;

/// <summary>
/// Diagnostic descriptors generated from the shared rule catalogue, so an HF id has the same title, category and help
/// link in <c>dotnet build</c> as in <c>hotfix check</c>. <paramref name="messageFormat"/> is the analyzer's own.
/// </summary>
/// <remarks>
/// One descriptor per rule id, whose default severity is the rule's <em>background</em> severity: what the IDE's
/// "configure severity", rulesets and SARIF rule tables see. Findings on lines the hotfix changed are reported through
/// the same descriptor with an escalated effective severity (see <see cref="Escalation.HotfixScope"/>). The message
/// format gets one extra trailing argument, the escalation note, so an escalated finding says why it is an error.
/// </remarks>
internal static class HotfixDescriptors
{
    private static readonly Regex Placeholder = new(@"\{(\d+)", RegexOptions.CultureInvariant);

    public static DiagnosticDescriptor Create(string ruleId, string messageFormat, DiagnosticSeverity backgroundSeverity)
    {
        var rule = RuleCatalogue.Get(ruleId);
        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            messageFormat + "{" + ArgumentCount(messageFormat) + "}",
            rule.Category,
            backgroundSeverity,
            isEnabledByDefault: true,
            description: rule.Summary,
            helpLinkUri: rule.HelpLink,
            customTags: ["Hotfix"]);
    }

    /// <summary>The severity a finding escalates to on changed lines unless .editorconfig says otherwise.</summary>
    public static DiagnosticSeverity EscalatedSeverity(string ruleId) => ToDiagnosticSeverity(RuleCatalogue.Get(ruleId).DefaultSeverity);

    /// <summary>How many message arguments <paramref name="messageFormat"/> uses; the escalation note comes after them.</summary>
    public static int ArgumentCount(string messageFormat)
    {
        var count = 0;
        foreach (Match match in Placeholder.Matches(messageFormat))
        {
            count = System.Math.Max(count, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1);
        }

        return count;
    }

    public static DiagnosticSeverity ToDiagnosticSeverity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => DiagnosticSeverity.Error,
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
