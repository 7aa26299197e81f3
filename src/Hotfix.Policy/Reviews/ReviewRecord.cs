using System.Text.Json.Serialization;

namespace Hotfix.Policy.Reviews;

/// <summary>
/// What a reviewer attests after a hotfix review: who, when, at which severity, which items were checked and which
/// skipped, the acknowledgement that it was expedited, and the follow-up ticket for the full review. Items are named by
/// id (<c>M1</c>, <c>S2</c>) or by their text. <see cref="ReviewRecordValidator"/> checks it against the policy.
/// </summary>
public sealed record ReviewRecord
{
    [JsonConverter(typeof(IncidentIdJsonConverter))]
    public IncidentId? Incident { get; init; }

    [JsonConverter(typeof(IncidentSeverityJsonConverter))]
    public IncidentSeverity? Severity { get; init; }

    public IReadOnlyList<Reviewer> Reviewers { get; init; } = [];

    public DateTimeOffset? When { get; init; }

    public IReadOnlyList<string> Checked { get; init; } = [];

    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The reviewer's statement, word for word (policy <c>review.acknowledgement</c>).</summary>
    public string? Acknowledgement { get; init; }

    public FollowUpTicket? FollowUp { get; init; }
}

/// <summary>A reviewer, and the role they hold when the policy names nobody for it.</summary>
public sealed record Reviewer
{
    public string Name { get; init; } = "";

    public string? Role { get; init; }

    public override string ToString() => Role is null ? Name : $"{Name} ({Role})";
}

/// <summary>The ticket for the full review that an expedited review owes.</summary>
public sealed record FollowUpTicket
{
    /// <summary>The ticket's id or link (e.g. OPS-1234).</summary>
    public string? Ticket { get; init; }

    public DateOnly? Due { get; init; }
}
