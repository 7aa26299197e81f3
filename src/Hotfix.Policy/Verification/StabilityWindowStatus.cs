using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Verification;

/// <summary>
/// Where an incident stands in HOTFIX:POST_VERIFICATION: the window (from the latest deploy), every checkpoint and
/// check, whether the hotfix can be declared stable, and whether the incident can be closed — each "no" with its reasons.
/// </summary>
public sealed record StabilityWindowStatus(
    int WindowHours,
    DeployInfo? Deployed,
    DateTimeOffset Now,
    IReadOnlyList<CheckpointStatus> Checkpoints,
    bool CanDeclareStable,
    IReadOnlyList<string> NotStableBecause,
    RecordedStep? DeclaredStable,
    PostMortemInfo? PostMortem,
    bool CanClose,
    IReadOnlyList<string> CannotCloseBecause,
    RecordedStep? Closed)
{
    public DateTimeOffset? EndsAt => Deployed?.At.AddHours(WindowHours);

    /// <summary>Checks whose checkpoint is due and that have no passing result yet (pending or failed).</summary>
    public IEnumerable<(CheckpointStatus Checkpoint, CheckStatus Check)> DueChecks =>
        Checkpoints.Where(c => c.DueAt <= Now).SelectMany(c => c.Checks.Where(k => k.State != CheckState.Pass).Select(k => (c, k)));
}

public sealed record DeployInfo(DateTimeOffset At, string By);

public sealed record RecordedStep(DateTimeOffset At, string By);

public sealed record PostMortemInfo(string Status, DateTimeOffset At, string By, string? Note);

public enum CheckpointState
{
    /// <summary>No deploy is recorded: the window has not started.</summary>
    NotStarted,

    NotDue,

    /// <summary>Due, and some checks have no result yet.</summary>
    Due,

    Passed,

    /// <summary>At least one check's latest result is a failure.</summary>
    Failed,
}

public enum CheckState
{
    Pending,
    Pass,
    Fail,
}

public sealed record CheckpointStatus(string Name, int Hour, DateTimeOffset? DueAt, CheckpointState State, IReadOnlyList<CheckStatus> Checks);

/// <summary>A check of the window and its latest result after the deploy (null: not checked yet).</summary>
public sealed record CheckStatus(VerificationCheckPolicy Check, CheckAttestation? Latest)
{
    public CheckState State => Latest is null ? CheckState.Pending : Latest.Passed ? CheckState.Pass : CheckState.Fail;
}

/// <summary>A recorded result: attested by a person, or measured by a metrics source (then <see cref="Source"/> names it).</summary>
public sealed record CheckAttestation(string Checkpoint, string CheckId, bool Passed, string? Note, string Source, string By, DateTimeOffset At);
