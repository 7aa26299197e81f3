
namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:EXPEDITED_CODE_REVIEW.</summary>
public sealed class ReviewPolicy
{
    /// <summary>Who may perform an expedited review ("mira or senior dev"): role names or people.</summary>
    public IReadOnlyList<string> Approvers { get; init; } = ["incident-commander", "senior-developer"];

    /// <summary>"expedited review generates a follow-up ticket for full review within 1 week": days until it is due.</summary>
    public int FollowUpDays { get; init; } = 7;

    /// <summary>
    /// Whether <c>hotfix finish</c> refuses a hotfix whose incident record holds no review record. Off by default:
    /// many teams review on the code host; a review that IS recorded must always satisfy the runbook.
    /// </summary>
    public bool RequireRecord { get; init; }

    /// <summary>
    /// "reviewer must explicitly acknowledge they performed expedited (not full) review": the statement an expedited
    /// review record must carry, word for word.
    /// </summary>
    public string Acknowledgement { get; init; } = "I performed an expedited (not full) review of this hotfix.";

    /// <summary>REVIEW_FLOW per severity.</summary>
    public IReadOnlyDictionary<string, SeverityReviewPolicy> Severities { get; init; } = new Dictionary<string, SeverityReviewPolicy>
    {
        ["SEV1"] = new() { Process = ReviewProcess.Expedited, Reviewers = 1, TimeboxMinutes = 15, DuringPrCreation = true },
        ["SEV2"] = new() { Process = ReviewProcess.Expedited, Reviewers = 1, TimeboxMinutes = 30 },
        ["SEV3"] = new() { Process = ReviewProcess.Normal },
        ["SEV4"] = new() { Process = ReviewProcess.Normal },
    };

    /// <summary>MUST_CHECK: non-negotiable even under time pressure.</summary>
    public IReadOnlyList<string> MustCheck { get; init; } =
    [
        "Does the fix address the root cause (not just symptoms)?",
        "Does it introduce any security risk? (injection, auth bypass, data exposure)",
        "Does it affect data integrity? (migrations, writes, deletes)",
        "Is the change scoped tightly to the incident? (no unrelated changes bundled)",
        "Are there any obvious performance regressions? (N+1 queries, missing indexes)",
    ];

    /// <summary>MAY_SKIP: during SEV1/SEV2 only, must be addressed in follow-up.</summary>
    public IReadOnlyList<string> MaySkip { get; init; } =
    [
        "Code style / formatting nits",
        "Test coverage for edge cases (core path test still required)",
        "Documentation updates",
        "Refactoring suggestions",
        "Type completeness (if TypeScript, basic types still required)",
    ];

    /// <summary>The review settings for a severity; severities absent from the policy use the normal process.</summary>
    public SeverityReviewPolicy For(IncidentSeverity severity) =>
        Severities.TryGetValue(severity.Name(), out var review) ? review : new SeverityReviewPolicy();
}

/// <summary>How one severity is reviewed.</summary>
public sealed class SeverityReviewPolicy
{
    /// <summary><see cref="ReviewProcess.Expedited"/> or <see cref="ReviewProcess.Normal"/>.</summary>
    public string Process { get; init; } = ReviewProcess.Normal;

    /// <summary>Number of reviewers for an expedited review; null under the normal process (your usual rules apply).</summary>
    public int? Reviewers { get; init; }

    /// <summary>Time box for an expedited review in minutes; null under the normal process.</summary>
    public int? TimeboxMinutes { get; init; }

    /// <summary>SEV1: "review during PR creation".</summary>
    public bool DuringPrCreation { get; init; }
}

/// <summary>The review processes of REVIEW_FLOW, as the policy spells them.</summary>
public static class ReviewProcess
{
    /// <summary>SEV1/SEV2: single reviewer, time-boxed, follow-up ticket for the full review within a week.</summary>
    public const string Expedited = "expedited";
    /// <summary>SEV3/SEV4: your usual review process.</summary>
    public const string Normal = "normal";
}
