using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Findings;

/// <summary>
/// A person's request to accept every finding of one rule in this check, with the reason: <c>--allow RULE --reason
/// "…"</c>, or a policy waiver for the incident. Any catalogued rule can be waived this way; the check turns the
/// matching findings into info and attaches a <see cref="Waiver"/> so the reason appears in every report format.
/// </summary>
public sealed record WaiverRequest
{
    private WaiverRequest(string ruleId, string reason, string source)
    {
        RuleId = ruleId;
        Reason = reason;
        Source = source;
    }

    /// <summary>The rule whose findings are accepted (an id from the rule catalogue).</summary>
    public string RuleId { get; }

    /// <summary>
    /// Why the findings are acceptable for the incident (trimmed, never empty); shown in every report.
    /// </summary>
    public string Reason { get; }

    /// <summary>Where the request came from, as reports show it: "--allow", or "policy waiver for INC-…".</summary>
    public string Source { get; }

    /// <summary>
    /// A checked request. Throws <see cref="HotfixInputException"/> naming <paramref name="source"/> when the rule id is
    /// not in the catalogue or the reason is empty — a waiver without a reason is a silent skip.
    /// </summary>
    /// <param name="ruleId">The rule to waive; must be in the rule catalogue.</param>
    /// <param name="reason">Why it is acceptable for this incident; must not be empty.</param>
    /// <param name="source">Where the request came from, e.g. "--allow"; named in messages and reports.</param>
    /// <exception cref="HotfixInputException">The rule id is unknown, or the reason is null or blank.</exception>
    public static WaiverRequest Create(string ruleId, string? reason, string source)
    {
        if (RuleCatalogue.Find(ruleId) is null)
        {
            var suggestion = Policies.Suggestions.Closest(ruleId, RuleCatalogue.All.Select(r => r.Id));
            throw new HotfixInputException(
                $"{source} '{ruleId}': not a rule id; expected one of the ids in docs/rules (HF0101, HF1101 …)" +
                (suggestion is null ? "." : $" — did you mean '{suggestion}'?"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new HotfixInputException($"{source} {ruleId} needs a reason: expected --reason \"why this is acceptable for the incident\" (it is recorded in every report).");
        }

        return new WaiverRequest(ruleId, reason.Trim(), source);
    }

    /// <summary>The waiver this request puts on a finding at its current severity.</summary>
    public Waiver WaiverFor(Finding finding) => new(Reason, Source, finding.Severity);
}
