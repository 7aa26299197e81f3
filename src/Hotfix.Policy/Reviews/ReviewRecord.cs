using System.Text.Json.Serialization;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// What a reviewer attests after a hotfix review: who, when, at which severity, which items were checked and which
/// skipped, the acknowledgement that it was expedited, and the follow-up ticket for the full review. Items are named by
/// id (<c>M1</c>, <c>S2</c>) or by their text. <see cref="ReviewRecordValidator"/> checks it against the policy.
/// </summary>
public sealed record ReviewRecord
{
    /// <summary>The incident reviewed; null when the record does not name one (the validator reports it).</summary>
    [JsonConverter(typeof(IncidentIdJsonConverter))]
    public IncidentId? Incident { get; init; }

    /// <summary>The incident's severity, which decides expedited or normal review; null when not given.</summary>
    [JsonConverter(typeof(IncidentSeverityJsonConverter))]
    public IncidentSeverity? Severity { get; init; }

    /// <summary>Who reviewed; an expedited review needs as many as the policy's severity settings ask for.</summary>
    public IReadOnlyList<Reviewer> Reviewers { get; init; } = [];

    /// <summary>When the review was performed; null when not given.</summary>
    public DateTimeOffset? When { get; init; }

    /// <summary>
    /// The review items checked (ids such as <c>M1</c>, or their text); every MUST_CHECK item must be here.
    /// </summary>
    public IReadOnlyList<string> Checked { get; init; } = [];

    /// <summary>The MAY_SKIP items skipped (ids such as <c>S2</c>, or their text); only SEV1/SEV2 may skip.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The reviewer's statement, word for word (policy <c>review.acknowledgement</c>).</summary>
    public string? Acknowledgement { get; init; }

    /// <summary>The follow-up ticket for the full review; required when the review was expedited.</summary>
    public FollowUpTicket? FollowUp { get; init; }
}

/// <summary>A reviewer, and the role they hold when the policy names nobody for it.</summary>
public sealed record Reviewer
{
    /// <summary>The reviewer's name, as the policy's approvers list names people.</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// The role the reviewer reviewed as (e.g. <c>incident-commander</c>); null when named personally.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>The name, with the role in parentheses when one is given.</summary>
    public override string ToString() => Role is null ? Name : $"{Name} ({Role})";
}

/// <summary>The ticket for the full review that an expedited review owes.</summary>
public sealed record FollowUpTicket
{
    /// <summary>The ticket's id or link (e.g. OPS-1234).</summary>
    public string? Ticket { get; init; }

    /// <summary>
    /// When the full review is due; the policy allows <c>review.followUpDays</c> after the review (7 by default).
    /// </summary>
    public DateOnly? Due { get; init; }
}
