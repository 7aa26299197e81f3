namespace Hotfix.Policy.Workloads;

/// <summary>How a deploy ended.</summary>
public enum DeployResult
{
    /// <summary>Only planned (--dry-run): nothing was changed.</summary>
    DryRun,

    /// <summary>kubectl's refusal (a paused Deployment), or the incident is closed: nothing was changed.</summary>
    Refused,

    /// <summary>Restarted, rolled out, and the pods are running and ready; the stability window started.</summary>
    Deployed,

    /// <summary>Something failed; <see cref="DeployOutcome.State"/> says what state the workload is in. Escalate.</summary>
    Failed,

    /// <summary>The patch was sent and no answer came: the server may apply it or may not. Escalate.</summary>
    Unknown,
}

/// <summary>How a deploy ended, in words a person can act on.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="Message">What happened.</param>
/// <param name="State">The state the workload is in now.</param>
/// <param name="FailedAt">For <see cref="DeployResult.Failed"/> and <see cref="DeployResult.Unknown"/>: the step that failed (the rollback's steps).</param>
/// <param name="Attempts">API writes sent: 0 or 1, up to 3 when restarts were refused only because status writes moved the resourceVersion (the spec unchanged).</param>
public sealed record DeployOutcome(DeployResult Result, string Message, string State, RollbackStage? FailedAt = null, int Attempts = 0)
{
    /// <summary>True when the deploy failed or its outcome is unknown: decide (rollback or forward-fix) now, do not retry blindly.</summary>
    public bool Escalate => Result is DeployResult.Failed or DeployResult.Unknown;
}

/// <summary>
/// A deploy as documented in the incident record: who, when, why, the plan, the outcome, what was checked, and the
/// revision the restart produced (kubectl's <c>rollout history</c> number).
/// </summary>
/// <param name="Id">The deploy's id, the same on its started and finished entries.</param>
/// <param name="Incident">The incident the deploy belongs to.</param>
/// <param name="Who">The person (or automation) who deployed.</param>
/// <param name="When">When the deploy ended (or was planned).</param>
/// <param name="Why">The reason given; null when none.</param>
/// <param name="Target">Where the controller pointed (e.g. the kubeconfig context).</param>
/// <param name="Workload">The workload restarted.</param>
/// <param name="Plan">The plan; null when reading the workload failed before a plan was made.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Verification">The rollout and the pods after the restart, and the POST_DEPLOY checks left to a person; null when nothing was checked.</param>
/// <param name="Revision">The revision the restart produced; null when it did not finish or could not be read.</param>
public sealed record DeployRecord(
    string Id,
    IncidentId Incident,
    string Who,
    DateTimeOffset When,
    string? Why,
    string Target,
    WorkloadRef Workload,
    RestartPlan? Plan,
    DeployOutcome Outcome,
    RollbackVerification? Verification,
    long? Revision);
