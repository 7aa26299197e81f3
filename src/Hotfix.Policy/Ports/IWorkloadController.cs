using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Ports;

/// <summary>
/// The deployment-controller port: what the rollback procedure and the DEPLOY checklist need from a cluster, for
/// Deployments, StatefulSets and DaemonSets. The adapter (Hotfix.Kubernetes) reads objects and hands them to the
/// pure kubectl algorithms in <c>Hotfix.Kubernetes.Rollouts</c>; it never retries a failed call (failures surface as
/// <see cref="KubernetesApiException"/>).
/// </summary>
public interface IWorkloadController
{
    /// <summary>Where the adapter points, for messages and records (e.g. the kubeconfig context).</summary>
    string Target { get; }

    /// <summary><c>kubectl rollout history</c>.</summary>
    Task<RolloutHistory> GetHistoryAsync(WorkloadRef workload, CancellationToken cancellationToken);

    /// <summary>Reads the workload and its revisions and works out a rollback to <paramref name="toRevision"/> (0 = previous). Writes nothing.</summary>
    Task<RollbackPlan> PlanRollbackAsync(WorkloadRef workload, long toRevision, CancellationToken cancellationToken);

    /// <summary>Sends the plan's patch (with its resourceVersion precondition). Only for plans with status Ready.</summary>
    Task ApplyRollbackAsync(RollbackPlan plan, CancellationToken cancellationToken);

    /// <summary><c>kubectl rollout restart</c>: stamps <c>kubectl.kubernetes.io/restartedAt</c> on the pod template.</summary>
    Task<RestartResult> RestartAsync(WorkloadRef workload, DateTimeOffset at, bool dryRun, CancellationToken cancellationToken);

    /// <summary>
    /// <c>kubectl rollout status --timeout</c>: watches until the rollout is final or <paramref name="timeout"/> ends
    /// (then <see cref="RolloutVerdict.TimedOut"/>). A dropped watch is resumed; an unavailable watch falls back to polling.
    /// With <paramref name="wait"/> false, evaluates once.
    /// </summary>
    Task<RolloutWaitResult> WaitForRolloutAsync(WorkloadRef workload, TimeSpan timeout, bool wait, Action<RolloutStatus>? progress, CancellationToken cancellationToken);

    /// <summary><c>kubectl get pods -l &lt;selector&gt;</c> with readiness.</summary>
    Task<PodSummary> ListPodsAsync(WorkloadRef workload, CancellationToken cancellationToken);
}

/// <summary>The final status of a wait, and how the wait went (for the record and for tests).</summary>
/// <param name="Status">The last status seen: complete, or why the wait ended without completion.</param>
/// <param name="Waited">How long the wait took.</param>
/// <param name="WatchResumes">How many times a dropped watch was resumed.</param>
/// <param name="FellBackToPolling">True when the watch was unavailable and the status was polled instead.</param>
/// <param name="Revision">
/// The Deployment's revision seen last; null for other kinds or when the workload was not read.
/// </param>
public sealed record RolloutWaitResult(RolloutStatus Status, TimeSpan Waited, int WatchResumes, bool FellBackToPolling, long? Revision);

/// <summary>What <c>RestartAsync</c> did (or would do, on a dry run); <see cref="Refusal"/> is kubectl's reason not to.</summary>
/// <param name="Workload">The workload restarted.</param>
/// <param name="RestartedAt">
/// The UTC timestamp stamped on the pod template (ISO 8601, e.g. 2026-03-24T10:15:00Z).
/// </param>
/// <param name="Patch">The strategic merge patch sent (or that would be sent on a dry run).</param>
/// <param name="Applied">True when the patch was sent; false on a dry run or a refusal.</param>
/// <param name="Refusal">kubectl's reason not to restart (e.g. a paused Deployment); null when none.</param>
public sealed record RestartResult(WorkloadRef Workload, string RestartedAt, string Patch, bool Applied, string? Refusal = null);
