using Hotfix.Policy.Records;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// The review recorded in the incident's record, as <c>hotfix check</c> shows it beside the review the change
/// requires: who and when, and what of the runbook it breaks (the same gate <c>hotfix finish</c> applies). In CI the
/// record arrives with <c>git fetch origin 'refs/hotfix/*:refs/hotfix/*'</c>.
/// </summary>
/// <param name="Incident">The incident the hotfix branch names.</param>
/// <param name="Location">Where its record is kept.</param>
/// <param name="By">The reviewers, or null when no review is recorded.</param>
/// <param name="At">When the latest review was recorded.</param>
/// <param name="Problems">What the latest review breaks (HF5001–HF5005), one message each; empty when it meets the runbook.</param>
internal sealed record RecordedReview(IncidentId Incident, string Location, string? By, DateTimeOffset? At, IReadOnlyList<string> Problems)
{
    public static RecordedReview Of(Policies.HotfixPolicy policy, IncidentRecord record)
    {
        var latest = record.OfKind(IncidentEventKinds.Review).LastOrDefault();
        if (latest is null)
        {
            return new RecordedReview(record.Incident, record.Location, null, null, []);
        }

        var problems = ReviewGate.Check(policy, record).Select(f => $"{f.RuleId}: {f.Message}").ToList();
        return new RecordedReview(record.Incident, record.Location, latest.By, latest.At, problems);
    }

    /// <summary>One line for the report.</summary>
    public string Describe() =>
        By is null
            ? $"none for {Incident} in {Location} (hotfix finish needs one when policy review.requireRecord is true; in CI, fetch records with git fetch origin 'refs/hotfix/*:refs/hotfix/*')"
            : $"by {By} at {At:yyyy-MM-dd HH:mm zzz} — " + (Problems.Count == 0 ? "meets the runbook (HF5001–HF5005)" : $"breaks the runbook: {string.Join("; ", Problems)}");
}
