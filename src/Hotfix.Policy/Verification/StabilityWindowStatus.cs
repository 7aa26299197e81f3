using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Verification;

/// <summary>
/// Where an incident stands in HOTFIX:POST_VERIFICATION: the window (from the latest deploy), every checkpoint and
/// check, whether the hotfix can be declared stable, and whether the incident can be closed — each "no" with its reasons.
/// </summary>
/// <param name="WindowHours">Length of the stability window in hours (the runbook's 24, or the policy's).</param>
/// <param name="Deployed">The latest deploy of the hotfix, which starts the window; null when none is recorded.</param>
/// <param name="Now">The time the status was worked out for; checkpoints due at or before it are due.</param>
/// <param name="Checkpoints">Every checkpoint of the window (h1, h4, h24 by default) in order, with its checks.</param>
/// <param name="CanDeclareStable">Whether "declare hotfix stable" may be recorded now.</param>
/// <param name="NotStableBecause">Why the hotfix cannot be declared stable yet; empty when it can.</param>
/// <param name="DeclaredStable">Who declared the hotfix stable and when; null when nobody has.</param>
/// <param name="PostMortem">The latest post-mortem entry of the record; null when none is recorded.</param>
/// <param name="CanClose">
/// Whether the incident may be closed now (stable, and the post-mortem scheduled or done).
/// </param>
/// <param name="CannotCloseBecause">Why the incident cannot be closed yet; empty when it can.</param>
/// <param name="Closed">Who closed the incident and when; null while it is open.</param>
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
    /// <summary>
    /// When the window ends: the deploy time plus <see cref="WindowHours"/>; null when no deploy is recorded.
    /// </summary>
    public DateTimeOffset? EndsAt => Deployed?.At.AddHours(WindowHours);

    /// <summary>Checks whose checkpoint is due and that have no passing result yet (pending or failed).</summary>
    public IEnumerable<(CheckpointStatus Checkpoint, CheckStatus Check)> DueChecks =>
        Checkpoints.Where(c => c.DueAt <= Now).SelectMany(c => c.Checks.Where(k => k.State != CheckState.Pass).Select(k => (c, k)));
}

/// <summary>The deploy that started the stability window, from the incident record's deployed entry.</summary>
/// <param name="At">When the hotfix reached production.</param>
/// <param name="By">The person (or pipeline) who recorded the deploy.</param>
public sealed record DeployInfo(DateTimeOffset At, string By);

/// <summary>A step of the window recorded in the incident record (declared stable, closed).</summary>
/// <param name="At">When the step was recorded.</param>
/// <param name="By">The person who took the step.</param>
public sealed record RecordedStep(DateTimeOffset At, string By);

/// <summary>The latest post-mortem entry of the incident record; closing needs it scheduled or done.</summary>
/// <param name="Status">As recorded: <c>scheduled</c> or <c>done</c>.</param>
/// <param name="At">When the entry was recorded.</param>
/// <param name="By">The person who recorded it.</param>
/// <param name="Note">Free text such as the meeting date or a link; null when none was given.</param>
public sealed record PostMortemInfo(string Status, DateTimeOffset At, string By, string? Note);

/// <summary>Where a checkpoint of the stability window (h1, h4, h24) stands.</summary>
public enum CheckpointState
{
    /// <summary>No deploy is recorded: the window has not started.</summary>
    NotStarted,

    /// <summary>The deploy is recorded but the checkpoint's hour has not come yet.</summary>
    NotDue,

    /// <summary>Due, and some checks have no result yet.</summary>
    Due,

    /// <summary>Every check of the checkpoint has a passing latest result.</summary>
    Passed,

    /// <summary>At least one check's latest result is a failure.</summary>
    Failed,

    /// <summary>
    /// Due, some checks have no result yet, and the next checkpoint is due as well (the last checkpoint: a day after it
    /// was due) — the moment the runbook set for these checks has passed.
    /// </summary>
    Overdue,
}

/// <summary>The latest result of one check of a checkpoint.</summary>
public enum CheckState
{
    /// <summary>No result recorded since the deploy.</summary>
    Pending,
    /// <summary>The latest result passed.</summary>
    Pass,
    /// <summary>The latest result failed: the checkpoint fails until a later result passes.</summary>
    Fail,
}

/// <summary>One checkpoint of the stability window and the state of each of its checks.</summary>
/// <param name="Name">The checkpoint's name as the policy names it (e.g. <c>h1</c>).</param>
/// <param name="Hour">Hours after the deploy when the checkpoint is due.</param>
/// <param name="DueAt">The deploy time plus <paramref name="Hour"/>; null when no deploy is recorded.</param>
/// <param name="State">Where the checkpoint stands.</param>
/// <param name="Checks">The checkpoint's checks, each with its latest result.</param>
public sealed record CheckpointStatus(string Name, int Hour, DateTimeOffset? DueAt, CheckpointState State, IReadOnlyList<CheckStatus> Checks);

/// <summary>A check of the window and its latest result after the deploy (null: not checked yet).</summary>
/// <param name="Check">The check as the policy defines it.</param>
/// <param name="Latest">The latest result recorded after the deploy; null when not checked yet.</param>
public sealed record CheckStatus(VerificationCheckPolicy Check, CheckAttestation? Latest)
{
    /// <summary>Pending without a result, otherwise pass or fail according to <see cref="Latest"/>.</summary>
    public CheckState State => Latest is null ? CheckState.Pending : Latest.Passed ? CheckState.Pass : CheckState.Fail;
}

/// <summary>A recorded result: attested by a person, or measured by a metrics source (then <see cref="Source"/> names it).</summary>
/// <param name="Checkpoint">The checkpoint the result is for (e.g. <c>h1</c>).</param>
/// <param name="CheckId">The id of the check within the checkpoint.</param>
/// <param name="Passed">Whether the check passed.</param>
/// <param name="Note">What the person or the metrics source noted; null when nothing.</param>
/// <param name="Source"><c>attested</c> for a person's word, otherwise the metrics source that measured it.</param>
/// <param name="By">The person (or tool) who recorded the result.</param>
/// <param name="At">When the result was recorded.</param>
public sealed record CheckAttestation(string Checkpoint, string CheckId, bool Passed, string? Note, string Source, string By, DateTimeOffset At);
