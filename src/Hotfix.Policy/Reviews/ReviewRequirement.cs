using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// The review a hotfix of one severity needs (REVIEW_FLOW): expedited for SEV1/SEV2 — reviewer count, who, time box,
/// MUST_CHECK items, MAY_SKIP items, follow-up ticket and acknowledgement — or the normal review process for SEV3/SEV4,
/// where MUST_CHECK still holds and nothing may be skipped.
/// </summary>
public sealed record ReviewRequirement(
    IncidentSeverity Severity,
    bool Expedited,
    int? Reviewers,
    AllowedReviewers WhoMayReview,
    int? TimeboxMinutes,
    bool DuringPrCreation,
    IReadOnlyList<ReviewItem> MustCheck,
    IReadOnlyList<ReviewItem> MaySkip,
    int? FollowUpDays,
    DateOnly? FollowUpDueBy,
    string? Acknowledgement)
{
    public string Process => Expedited ? Policies.ReviewProcess.Expedited : Policies.ReviewProcess.Normal;

    /// <summary>
    /// The requirement under <paramref name="policy"/>. <paramref name="today"/>, when known, gives the follow-up
    /// ticket's latest due date for a review done today.
    /// </summary>
    public static ReviewRequirement For(HotfixPolicy policy, IncidentSeverity severity, DateOnly? today = null)
    {
        var review = policy.Review.For(severity);
        var expedited = review.Process == Policies.ReviewProcess.Expedited && severity.IsExpedited();
        var items = new ReviewItems(policy.Review);
        return new ReviewRequirement(
            severity,
            expedited,
            review.Reviewers,
            new AllowedReviewers(policy),
            expedited ? review.TimeboxMinutes : null,
            expedited && review.DuringPrCreation,
            items.MustCheck,
            expedited ? items.MaySkip : [],
            expedited ? policy.Review.FollowUpDays : null,
            expedited && today is { } day ? day.AddDays(policy.Review.FollowUpDays) : null,
            expedited ? policy.Review.Acknowledgement : null);
    }
}
