using System.Collections.Generic;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Rules;

static partial class RuleIds
{
    /// <summary>HF5001: a review record leaves a MUST_CHECK item unchecked or skips it.</summary>
    public const string MustCheckItems = "HF5001";

    /// <summary>HF5002: a review record skips something that may not be skipped at its severity.</summary>
    public const string MaySkipItems = "HF5002";

    /// <summary>HF5003: an expedited review record lacks the reviewer's explicit acknowledgement.</summary>
    public const string ReviewAcknowledgement = "HF5003";

    /// <summary>HF5004: an expedited review record lacks its follow-up full-review ticket, or it is due too late.</summary>
    public const string FollowUpTicket = "HF5004";

    /// <summary>HF5005: no review, too few reviewers, or a reviewer the policy does not allow.</summary>
    public const string Reviewers = "HF5005";

    /// <summary>HF5006: a rollback is recorded without its reason or its verification.</summary>
    public const string RollbackDocumented = "HF5006";
}

static partial class RuleCatalogue
{
    static partial void AddProcess(List<RuleDescriptor> rules)
    {
        rules.Add(new RuleDescriptor(
            RuleIds.MustCheckItems,
            "Every MUST_CHECK item checked",
            RuleCategory.Process,
            FindingSeverity.Error,
            "The review record does not show every MUST_CHECK item as checked, or lists one as skipped. Root cause, security, " +
            "data integrity, scope and performance are non-negotiable even under time pressure.",
            "MUST_CHECK (non-negotiable even under time pressure)"));
        rules.Add(new RuleDescriptor(
            RuleIds.MaySkipItems,
            "Only MAY_SKIP items skipped, only at SEV1/SEV2",
            RuleCategory.Process,
            FindingSeverity.Error,
            "The review record skips an item that is not on the MAY_SKIP list, or skips anything outside SEV1/SEV2, where " +
            "the normal review process applies.",
            "MAY_SKIP (during SEV1/SEV2 only, must be addressed in follow-up)"));
        rules.Add(new RuleDescriptor(
            RuleIds.ReviewAcknowledgement,
            "Reviewer acknowledged the expedited review",
            RuleCategory.Process,
            FindingSeverity.Error,
            "An expedited review record lacks the reviewer's explicit statement that the review was expedited, not full, " +
            "so nobody can mistake it for a full review later.",
            "RULE: reviewer must explicitly acknowledge they performed expedited (not full) review"));
        rules.Add(new RuleDescriptor(
            RuleIds.FollowUpTicket,
            "Follow-up full-review ticket within a week",
            RuleCategory.Process,
            FindingSeverity.Error,
            "An expedited review record names no follow-up ticket for the full review, or the ticket is due later than " +
            "the policy allows (7 days).",
            "RULE: expedited review generates a follow-up ticket for full review within 1 week"));
        rules.Add(new RuleDescriptor(
            RuleIds.Reviewers,
            "Reviewed by enough allowed reviewers",
            RuleCategory.Process,
            FindingSeverity.Error,
            "The hotfix has no review record, fewer reviewers than its severity requires, or a reviewer the policy does " +
            "not allow (for SEV1: the incident commander or a senior developer).",
            "RULE: hotfixes MUST still be reviewed — but review scope is narrowed"));
        rules.Add(new RuleDescriptor(
            RuleIds.RollbackDocumented,
            "Rollback documented with reason and verification",
            RuleCategory.Process,
            FindingSeverity.Error,
            "A rollback entry of the incident record has no reason, or a finished rollback has no outcome or no " +
            "verification. A rollback nobody can explain or trust cannot be learned from.",
            "RULE: every rollback must be documented with reason and verification"));
    }
}
