using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workloads;

/// <summary>How a rollback ended, as recorded and shown in JSON.</summary>
public enum RollbackResult
{
    /// <summary>Only planned (--dry-run, or no cluster configured): nothing was changed.</summary>
    DryRun,

    /// <summary>kubectl's refusals (paused, no history, unknown revision): nothing was changed.</summary>
    Refused,

    /// <summary>Already at the target template: kubectl's "skipped rollback"; nothing was changed.</summary>
    Skipped,

    /// <summary>Patched, rolled out, and the pods are running and ready.</summary>
    RolledBack,

    /// <summary>Something failed; <see cref="RollbackOutcome.State"/> says what state the workload is in. Escalate.</summary>
    Failed,

    /// <summary>
    /// The patch was sent and no answer came (timeout, 5xx, connection lost): the server may apply it or may not.
    /// <see cref="RollbackOutcome.State"/> says how to find out. Escalate.
    /// </summary>
    Unknown,
}

internal static class RollbackResults
{
    /// <summary>The name used in records and JSON: dry-run, refused, skipped, rolled-back, failed, unknown.</summary>
    public static string Name(this RollbackResult result) => result switch
    {
        RollbackResult.DryRun => "dry-run",
        RollbackResult.Refused => "refused",
        RollbackResult.Skipped => "skipped",
        RollbackResult.RolledBack => "rolled-back",
        RollbackResult.Unknown => "unknown",
        _ => "failed",
    };
}

/// <summary>Where a failed rollback stopped.</summary>
public enum RollbackStage
{
    /// <summary>Reading the workload and working out the plan.</summary>
    Plan,
    /// <summary>Writing the rollback record before the first change (nothing was changed).</summary>
    Record,
    /// <summary>Sending the patch to the cluster.</summary>
    Apply,
    /// <summary>Watching the rollout after the patch (like <c>kubectl rollout status</c>).</summary>
    Status,
    /// <summary>Checking that the pods are running and ready after the rollout.</summary>
    Pods,
}

/// <summary>How a rollback ended, in words a person can act on.</summary>
/// <param name="Message">What happened.</param>
/// <param name="State">The state the workload is in now.</param>
/// <param name="FailedAt">For <see cref="RollbackResult.Failed"/> and <see cref="RollbackResult.Unknown"/>: the step that failed.</param>
/// <param name="Attempts">API writes sent: 0 or 1, up to 3 when patches were refused only because status writes moved the resourceVersion (the spec unchanged).</param>
/// <param name="Result">How it ended; <see cref="RollbackResult.Failed"/> means escalate.</param>
public sealed record RollbackOutcome(RollbackResult Result, string Message, string State, RollbackStage? FailedAt = null, int Attempts = 0)
{
    /// <summary>The runbook's rule, printed with every failure.</summary>
    public const string EscalationMessage = "if rollback fails, escalate immediately — do not retry blindly";

    /// <summary>True for a failed rollback or one whose outcome is unknown: escalate immediately, do not retry blindly.</summary>
    public bool Escalate => Result is RollbackResult.Failed or RollbackResult.Unknown;
}

/// <summary>What was checked after the rollback, and the runbook CHECKs a person still has to do.</summary>
/// <param name="Rollout">The rollout status after the patch; null when the rollout was not watched.</param>
/// <param name="Pods">The pods after the rollout; null when they were not checked.</param>
/// <param name="ManualChecks">
/// The runbook CHECKs still to be done by a person (see <see cref="RunbookChecks"/>).
/// </param>
public sealed record RollbackVerification(RolloutWaitResult? Rollout, PodSummary? Pods, IReadOnlyList<string> ManualChecks)
{
    /// <summary>The runbook's CHECK lines after a rollback; the tool cannot do these, so they are recorded as open.</summary>
    public static IReadOnlyList<string> RunbookChecks { get; } =
    [
        "verify the issue is resolved",
        "verify no data was lost or corrupted",
        "notify team that rollback was performed",
    ];

    /// <summary>
    /// The open item of a rollback that failed: the runbook's "if rollback fails, escalate immediately". The checks
    /// after a rollback would claim one happened.
    /// </summary>
    internal static IReadOnlyList<string> FailedChecks { get; } =
    [
        "escalate immediately: the rollback failed — tell the incident commander, with the state recorded here; do not retry blindly",
    ];
}

/// <summary>
/// One line of the rollback record: who, when, why, the plan, the outcome and the verification, and the incident
/// when one was given. <see cref="Phase"/> is <c>started</c> (written before the first change) or <c>finished</c>.
/// </summary>
/// <param name="Id">The rollback's id, the same on its started and finished lines.</param>
/// <param name="Phase"><c>started</c> or <c>finished</c>; <c>planned</c> for a dry run, which changes nothing.</param>
/// <param name="Incident">The incident the rollback belongs to; null when none was given.</param>
/// <param name="Who">The person (or automation) who performed it.</param>
/// <param name="When">When the line was written.</param>
/// <param name="Why">The reason given; null only for a dry run.</param>
/// <param name="Target">Where the controller pointed (e.g. the kubeconfig context).</param>
/// <param name="Workload">The workload rolled back.</param>
/// <param name="Plan">The plan; null when reading the workload failed before a plan was made.</param>
/// <param name="Outcome">How it ended; null on the started line (the rollback is under way).</param>
/// <param name="Verification">
/// What was checked after the rollback; null on the started line or when nothing was.
/// </param>
public sealed record RollbackRecord(
    string Id,
    string Phase,
    IncidentId? Incident,
    string Who,
    DateTimeOffset When,
    string? Why,
    string Target,
    WorkloadRef Workload,
    RollbackPlan? Plan,
    RollbackOutcome? Outcome,
    RollbackVerification? Verification)
{
    /// <summary>Layout version of a rollback record line.</summary>
    public const int SchemaVersion = 1;
}
