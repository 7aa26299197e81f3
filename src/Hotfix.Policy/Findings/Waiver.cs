namespace Hotfix.Policy.Findings;

/// <summary>
/// A recorded decision to accept a finding: who or what granted it and why. Waived findings are reported as info and
/// the reason travels with the finding into every report format, so a waiver is never a silent skip.
/// </summary>
/// <param name="Reason">The justification a person gave, verbatim.</param>
/// <param name="Source">Where the waiver came from, e.g. "--allow", "hotfix.json", or "comment in Migrations/0042.sql".</param>
/// <param name="OriginalSeverity">The severity the finding had before it was waived.</param>
public sealed record Waiver(string Reason, string Source, FindingSeverity OriginalSeverity);
