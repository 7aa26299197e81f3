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
public sealed record RolloutWaitResult(RolloutStatus Status, TimeSpan Waited, int WatchResumes, bool FellBackToPolling, long? Revision);

/// <summary>What <c>RestartAsync</c> did (or would do, on a dry run); <see cref="Refusal"/> is kubectl's reason not to.</summary>
public sealed record RestartResult(WorkloadRef Workload, string RestartedAt, string Patch, bool Applied, string? Refusal = null);
