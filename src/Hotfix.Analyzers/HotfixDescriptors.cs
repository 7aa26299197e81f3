using System.Text.RegularExpressions;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers;

/// <summary>
/// The pieces of every HF diagnostic descriptor that come from the shared rule catalogue, so an HF id has the same
/// title, category and help link in <c>dotnet build</c> as in <c>hotfix check</c>. Each analyzer writes its
/// <c>new DiagnosticDescriptor(RuleIds.X, …, RuleCategory.Y, severity, …)</c> with a constant id, category and severity,
/// which is what the release-tracking analyzer (RS2000–RS2008) needs to check AnalyzerReleases.*.md; a convention test
/// checks the rest against the catalogue.
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

    public static string[] Tags { get; } = ["Hotfix"];

    public static string Title(string ruleId) => RuleCatalogue.Get(ruleId).Title;

    public static string Description(string ruleId) => RuleCatalogue.Get(ruleId).Summary;

    public static string HelpLink(string ruleId) => RuleCatalogue.Get(ruleId).HelpLink;

    /// <summary>The analyzer's message format with the escalation note's placeholder appended.</summary>
    public static string Message(string messageFormat) => messageFormat + "{" + ArgumentCount(messageFormat) + "}";

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
