
namespace Hotfix.Policy.Workloads;

/// <summary>What a person asked for: <c>hotfix rollback kind/name -n NS [--to-revision N] --reason … [--dry-run]</c>.</summary>
/// <param name="ToRevision">0 means the previous revision (kubectl's default).</param>
/// <param name="Who">The person (or automation) performing the rollback.</param>
/// <param name="Why">The reason; required unless <paramref name="DryRun"/>.</param>
/// <param name="Workload">The Deployment, StatefulSet or DaemonSet to roll back.</param>
/// <param name="Timeout">
/// How long to watch the rollout before the rollback counts as failed (kubectl's <c>--timeout</c>).
/// </param>
/// <param name="Incident">The incident whose record gets the rollback; null when none is given.</param>
/// <param name="DryRun">Only plan and show the rollback; nothing is changed.</param>
public sealed record RollbackRequest(
    WorkloadRef Workload,
    long ToRevision,
    TimeSpan Timeout,
    string Who,
    string? Why,
    IncidentId? Incident,
    bool DryRun)
{
    /// <summary>The cluster options the person chose, repeated in the commands the outcome names (none by default).</summary>
    public ClusterFlags Cluster { get; init; } = ClusterFlags.None;
}
