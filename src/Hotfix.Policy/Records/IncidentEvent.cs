using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hotfix.Policy.Records;

/// <summary>
/// One entry of an incident record: who did or decided what, when, and why. The same shape serves every kind —
/// decisions, review records, rollbacks, deploy steps, verifications — so a record reads as one timeline. What only
/// one kind needs goes into <see cref="Details"/> (e.g. the decision's explanation trace, the rollback plan).
/// A rollback is documented as "who, when, why, plan, outcome, verification": <see cref="By"/>, <see cref="At"/>,
/// <see cref="Reason"/>, <see cref="Details"/>, <see cref="Outcome"/>, <see cref="Verification"/>.
/// </summary>
public sealed record IncidentEvent
{
    /// <summary>The layout version this library writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Layout version of this line; readers accept versions they know and report others.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// The entry's unique id, given when it is recorded (<see cref="IncidentRecordStoreExtensions.Record"/>), so stores
    /// that merge copies of a record (the git store's sync) keep each entry once. Null on entries written before ids
    /// existed: stores give those a deterministic id from their content (a SHA-256 of the line).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The incident whose record this entry belongs to.</summary>
    [JsonConverter(typeof(IncidentIdJsonConverter))]
    public required IncidentId Incident { get; init; }

    /// <summary>One of <see cref="IncidentEventKinds"/>, or a host's own kind (lowercase words and hyphens).</summary>
    public required string Kind { get; init; }

    /// <summary>When it was done or decided.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The person (or tool) who did it.</summary>
    public required string By { get; init; }

    /// <summary>One line for the timeline.</summary>
    public required string Summary { get; init; }

    /// <summary>Why it was done (a rollback's reason, the rule behind a decision).</summary>
    public string? Reason { get; init; }

    /// <summary>For operations recorded in several steps: <c>started</c>, then <c>finished</c>.</summary>
    public string? Phase { get; init; }

    /// <summary>How it ended: e.g. <c>rolled-back</c>, <c>failed</c>, <c>pass</c>, <c>fail</c>, the decision.</summary>
    public string? Outcome { get; init; }

    /// <summary>What was checked afterwards, one item each.</summary>
    public IReadOnlyList<string> Verification { get; init; } = [];

    /// <summary>Ties the events of one operation together (e.g. a rollback's started and finished lines).</summary>
    public string? Ref { get; init; }

    /// <summary>Kind-specific data.</summary>
    public JsonObject? Details { get; init; }
}

/// <summary>The kinds Hotfix writes. Hosts may add their own.</summary>
public static class IncidentEventKinds
{
    /// <summary>A rollback-vs-forward-fix decision with its explanation trace.</summary>
    public const string Decision = "decision";
    /// <summary>An expedited or normal review record.</summary>
    public const string Review = "review";
    /// <summary>A rollback: written when it starts and when it finishes.</summary>
    public const string Rollback = "rollback";
    /// <summary>A DEPLOY checklist item ticked off.</summary>
    public const string DeployStep = "deploy-step";

    /// <summary>The hotfix reached production: the stability window starts (a later deploy restarts it).</summary>
    public const string Deployed = "deployed";

    /// <summary>A result of a stability-window check (pass or fail).</summary>
    public const string Verification = "verification";

    /// <summary>"THEN: declare hotfix stable".</summary>
    public const string Stable = "stable";

    /// <summary>The post-mortem was scheduled or done; closing the incident needs one.</summary>
    public const string PostMortem = "post-mortem";

    /// <summary>"THEN: close incident if post-mortem is scheduled/complete".</summary>
    public const string Closed = "closed";

    /// <summary>Free text for the timeline.</summary>
    public const string Note = "note";

    /// <summary>A deploy (rollout restart) started, or finished without reaching production; success is <see cref="Deployed"/>.</summary>
    public const string Deploy = "deploy";

    /// <summary>The team was told (incoming webhooks): "notify team of rollback and next steps".</summary>
    public const string TeamNotified = "team-notified";
    /// <summary>A test suite run by <c>hotfix test</c>: suite, feature, environment, command, exit code, duration, pass or fail.</summary>
    public const string TestRun = "test-run";
    /// <summary>The incident's status changed ("update incident status to mitigated or resolved").</summary>
    public const string Status = "status";
}

/// <summary>Phases of an operation recorded in two lines.</summary>
internal static class IncidentEventPhases
{
    public const string Started = "started";
    public const string Finished = "finished";
}
