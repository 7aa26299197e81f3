using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// Checks a review record against the policy's EXPEDITED_CODE_REVIEW: every MUST_CHECK item checked and none skipped
/// (HF5001); skips only of MAY_SKIP items and only at SEV1/SEV2 (HF5002); the acknowledgement word for word (HF5003);
/// a follow-up ticket due within <c>review.followUpDays</c> (HF5004); enough reviewers the policy allows (HF5005).
/// Every failure names the record's field (its JSON path) and carries its rule id as the error code.
/// The same validator serves <c>hotfix review</c>, <c>hotfix finish</c> and host apps.
/// </summary>
internal sealed class ReviewRecordValidator : AbstractValidator<ReviewRecord>
{
    /// <summary>The ids this validator reports (HF5001–HF5005).</summary>
    public static readonly IReadOnlyList<string> Emits =
        [RuleIds.MustCheckItems, RuleIds.MaySkipItems, RuleIds.ReviewAcknowledgement, RuleIds.FollowUpTicket, RuleIds.Reviewers];

    private readonly HotfixPolicy policy;
    private readonly ReviewItems items;

    public ReviewRecordValidator(HotfixPolicy policy)
    {
        this.policy = policy;
        items = new ReviewItems(policy.Review);
        RuleFor(r => r).Custom(Check);
    }

    /// <summary>Every problem of <paramref name="record"/> under <paramref name="policy"/>; empty when the record is valid.</summary>
    public static IReadOnlyList<ReviewProblem> Check(HotfixPolicy policy, ReviewRecord record) =>
        new ReviewRecordValidator(policy).Validate(record).Errors
            .Select(e => new ReviewProblem(e.PropertyName, e.ErrorCode, e.ErrorMessage))
            .ToList();

    private void Check(ReviewRecord record, ValidationContext<ReviewRecord> context)
    {
        void Fail(string field, string ruleId, string message) =>
            context.AddFailure(new ValidationFailure(field, message) { ErrorCode = ruleId });

        if (record.Severity is not { } severity)
        {
            Fail("severity", RuleIds.Reviewers, "missing; expected SEV1, SEV2, SEV3 or SEV4 (the review a hotfix needs depends on it)");
            return;
        }

        var requirement = ReviewRequirement.For(policy, severity);
        if (record.When is null)
        {
            Fail("when", RuleIds.Reviewers, "missing; expected when the review was done (ISO 8601 with offset)");
        }

        CheckReviewers(record, requirement, Fail);
        var checkedItems = CheckItems(record.Checked, "checked", Fail);
        var skippedItems = CheckItems(record.Skipped, "skipped", Fail);

        foreach (var item in items.MustCheck.Where(i => !checkedItems.Contains(i)))
        {
            Fail("checked", RuleIds.MustCheckItems, $"{item} is not checked; MUST_CHECK items are non-negotiable even under time pressure");
        }

        for (var i = 0; i < record.Skipped.Count; i++)
        {
            if (items.Find(record.Skipped[i]) is not { } item)
            {
                continue;
            }

            var field = $"skipped[{i}]";
            if (item.MustCheck)
            {
                Fail(field, RuleIds.MustCheckItems, $"{item} is a MUST_CHECK item: it can never be skipped");
            }
            else if (!requirement.Expedited)
            {
                Fail(field, RuleIds.MaySkipItems, $"{item} is skipped in a {severity.Name()} review; MAY_SKIP applies during SEV1/SEV2 only — {severity.Name()} gets the normal review process");
            }

            if (checkedItems.Contains(item))
            {
                Fail(field, item.MustCheck ? RuleIds.MustCheckItems : RuleIds.MaySkipItems, $"{item} is listed as both checked and skipped; expected one of the two");
            }
        }

        if (requirement.Expedited)
        {
            CheckAcknowledgement(record, Fail);
            CheckFollowUp(record, Fail);
        }
    }

    private void CheckReviewers(ReviewRecord record, ReviewRequirement requirement, Action<string, string, string> fail)
    {
        if (record.Reviewers.Count == 0)
        {
            fail("reviewers", RuleIds.Reviewers, "no reviewer; hotfixes MUST still be reviewed");
            return;
        }

        if (requirement.Reviewers is { } required && record.Reviewers.Count < required)
        {
            fail("reviewers", RuleIds.Reviewers, $"{record.Reviewers.Count} reviewer(s); a {requirement.Severity.Name()} review needs {required} (policy review.severities.{requirement.Severity.Name()}.reviewers)");
        }

        for (var i = 0; i < record.Reviewers.Count; i++)
        {
            var reviewer = record.Reviewers[i];
            var field = $"reviewers[{i}]";
            if (string.IsNullOrWhiteSpace(reviewer.Name))
            {
                fail(field + ".name", RuleIds.Reviewers, "missing; expected the reviewer's name");
            }
            else if (record.Reviewers.Take(i).Any(r => string.Equals(r.Name.Trim(), reviewer.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                fail(field + ".name", RuleIds.Reviewers, $"'{reviewer.Name}' is listed twice; each reviewer counts once");
            }
            else if (requirement.Expedited && !requirement.WhoMayReview.Allows(reviewer.Name, reviewer.Role))
            {
                fail(field, RuleIds.Reviewers, $"{reviewer} may not perform a {requirement.Severity.Name()} expedited review; expected {requirement.WhoMayReview.Describe()} (policy review.approvers)");
            }
        }
    }

    private HashSet<ReviewItem> CheckItems(IReadOnlyList<string> references, string field, Action<string, string, string> fail)
    {
        var found = new HashSet<ReviewItem>();
        for (var i = 0; i < references.Count; i++)
        {
            if (items.Find(references[i]) is { } item)
            {
                found.Add(item);
            }
            else
            {
                fail($"{field}[{i}]", field == "checked" ? RuleIds.MustCheckItems : RuleIds.MaySkipItems, $"'{references[i]}' is not a review item; expected {items.ExpectedForm}");
            }
        }

        return found;
    }

    private void CheckAcknowledgement(ReviewRecord record, Action<string, string, string> fail)
    {
        var expected = policy.Review.Acknowledgement;
        if (string.IsNullOrWhiteSpace(record.Acknowledgement))
        {
            fail("acknowledgement", RuleIds.ReviewAcknowledgement, $"missing; the reviewer must state, word for word: \"{expected}\"");
        }
        else if (Comparable(record.Acknowledgement) != Comparable(expected))
        {
            fail("acknowledgement", RuleIds.ReviewAcknowledgement, $"\"{record.Acknowledgement}\" is not the acknowledgement; expected, word for word: \"{expected}\"");
        }
    }

    private void CheckFollowUp(ReviewRecord record, Action<string, string, string> fail)
    {
        var days = policy.Review.FollowUpDays;
        if (record.FollowUp is not { } followUp)
        {
            fail("followUp", RuleIds.FollowUpTicket, $"missing; an expedited review generates a follow-up ticket for the full review, due within {days} days");
            return;
        }

        if (string.IsNullOrWhiteSpace(followUp.Ticket))
        {
            fail("followUp.ticket", RuleIds.FollowUpTicket, "missing; expected the ticket id or link of the full review");
        }

        if (followUp.Due is not { } due)
        {
            fail("followUp.due", RuleIds.FollowUpTicket, $"missing; expected the date the full review is due, at most {days} days after the review");
            return;
        }

        if (record.When is not { } when)
        {
            return;
        }

        var reviewDay = DateOnly.FromDateTime(when.DateTime);
        var latest = reviewDay.AddDays(days);
        if (due > latest)
        {
            fail("followUp.due", RuleIds.FollowUpTicket, $"{Day(due)} is {due.DayNumber - reviewDay.DayNumber} days after the review ({Day(reviewDay)}); expected {Day(latest)} or earlier (within {days} days, policy review.followUpDays)");
        }
        else if (due < reviewDay)
        {
            fail("followUp.due", RuleIds.FollowUpTicket, $"{Day(due)} is before the review ({Day(reviewDay)}); expected a date from {Day(reviewDay)} to {Day(latest)}");
        }
    }

    // Case, spacing and a final full stop do not change what a person stated.
    private static string Comparable(string text) => ReviewItems.Normalize(text).TrimEnd('.');

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
