using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// The review a hotfix of one severity needs (REVIEW_FLOW): expedited for SEV1/SEV2 — reviewer count, who, time box,
/// MUST_CHECK items, MAY_SKIP items, follow-up ticket and acknowledgement — or the normal review process for SEV3/SEV4,
/// where MUST_CHECK still holds and nothing may be skipped.
/// </summary>
/// <param name="Severity">The incident's severity.</param>
/// <param name="Expedited">True for the expedited review (SEV1/SEV2 under the default policy).</param>
/// <param name="Reviewers">How many reviewers the expedited review needs; null under the normal process.</param>
/// <param name="WhoMayReview">The people and roles allowed to perform the expedited review.</param>
/// <param name="TimeboxMinutes">The review's time box in minutes (15 for SEV1, 30 for SEV2); null when none.</param>
/// <param name="DuringPrCreation">True when the review happens during PR creation (SEV1).</param>
/// <param name="MustCheck">The MUST_CHECK items: required at every severity.</param>
/// <param name="MaySkip">The MAY_SKIP items that may be deferred; empty under the normal process.</param>
/// <param name="FollowUpDays">Days until the follow-up full review is due; null under the normal process.</param>
/// <param name="FollowUpDueBy">
/// The latest due date of the follow-up ticket; null when not expedited or the date is unknown.
/// </param>
/// <param name="Acknowledgement">
/// The statement the reviewer must make word for word; null under the normal process.
/// </param>
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
    /// <summary><c>expedited</c> or <c>normal</c> (see <see cref="Policies.ReviewProcess"/>).</summary>
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
