namespace Hotfix.Policy.Decisions;

/// <summary>Whether the root cause of the incident is known.</summary>
public enum RootCause
{
    /// <summary>The root cause is known.</summary>
    Known,
    /// <summary>The root cause is not known yet.</summary>
    Unknown,
}

/// <summary>Whether the incident still harms users ("impact ongoing").</summary>
public enum Impact
{
    /// <summary>Users are still affected.</summary>
    Ongoing,

    /// <summary>The harm has stopped or is worked around.</summary>
    Contained,
}

/// <summary>Is it clear which service caused the incident?</summary>
public enum Culprit
{
    /// <summary>The service that caused it is known.</summary>
    Known,
    /// <summary>It is unclear which service caused it: the runbook rolls back all recent deploys.</summary>
    Unknown,
}

/// <summary>
/// What the on-call engineer knows, in the runbook's terms (the inputs of <c>hotfix decide</c>). Optional facts that
/// are not given are never guessed: a row that needs them is reported as undetermined, with what would decide it.
/// </summary>
public sealed record RollbackDecisionRequest
{
    /// <summary>Whether the root cause is known: unknown with ongoing impact means roll back immediately.</summary>
    public required RootCause RootCause { get; init; }

    /// <summary>Whether users are still affected.</summary>
    public required Impact Impact { get; init; }

    /// <summary>Minutes until a forward-fix is deployed, when someone can estimate it.</summary>
    public int? FixEtaMinutes { get; init; }

    /// <summary>"rollback would cause data loss".</summary>
    public bool RollbackLosesData { get; init; }

    /// <summary>"rollback would break data migrations already applied".</summary>
    public bool MigrationsApplied { get; init; }

    /// <summary>How many services show the incident.</summary>
    public int ServicesAffected { get; init; } = 1;

    /// <summary>Whether it is clear which service caused it; required when more than one service is affected.</summary>
    public Culprit? Culprit { get; init; }

    /// <summary>Minutes since the incident started, when known.</summary>
    public int? IncidentAgeMinutes { get; init; }

    /// <summary>Whether a fix is in sight; when not given, a fix ETA means yes and no ETA means unknown.</summary>
    public bool? FixInSight { get; init; }
}
