using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
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
/// One descriptor per rule id (default severity Warning, see <see cref="BackgroundSeverity"/>): what the IDE's
/// "configure severity", rulesets and SARIF rule tables see. Every finding is reported through it with an effective
/// severity — the background level, or <see cref="EscalatedSeverity"/> on lines the hotfix changed (see
/// <see cref="Escalation.HotfixScope"/>). The message
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

    /// <summary>
    /// Rules whose findings off the hotfix's lines are suggestions, not warnings: IgnoreQueryFilters has legitimate
    /// uses (admin tools), and a repository's applied migrations dropped things on purpose — nobody can act on a
    /// warning for each (nor for a foreign key an applied migration left unindexed: the fix is a new migration).
    /// </summary>
    private static readonly HashSet<string> SuggestionInBackground = new(StringComparer.Ordinal)
    {
        RuleIds.DestructiveMigration, RuleIds.IrreversibleMigration, RuleIds.QueryFiltersBypassed,
        RuleIds.MissingForeignKeyIndex,
    };

    /// <summary>
    /// The severity a finding has off the hotfix's lines unless .editorconfig says otherwise. Deliberately not always
    /// the descriptor's default: command-line builds skip every analyzer whose descriptors all default to Info or
    /// Hidden (roslyn#43546), so a rule described as a suggestion would never run in <c>dotnet build</c> and could never
    /// escalate. Every descriptor therefore defaults to Warning, and the quiet rules report background findings as
    /// suggestions through the effective severity.
    /// </summary>
    public static DiagnosticSeverity BackgroundSeverity(DiagnosticDescriptor descriptor) =>
        SuggestionInBackground.Contains(descriptor.Id) ? DiagnosticSeverity.Info : descriptor.DefaultSeverity;

    /// <summary>
    /// The severity a finding escalates to on changed lines unless .editorconfig says otherwise: an error for every
    /// rule — what the hotfix itself writes must not ship with the risk unreviewed, whatever the rule's weight in
    /// <c>hotfix check</c> (where HF2003, for instance, is a warning about the whole migration).
    /// </summary>
    public const DiagnosticSeverity EscalatedSeverity = DiagnosticSeverity.Error;

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
}
