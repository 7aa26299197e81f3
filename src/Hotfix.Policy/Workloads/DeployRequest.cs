namespace Hotfix.Policy.Workloads;

/// <summary>What a person asked for: <c>hotfix deploy kind/name -n NS --incident INC-… [--reason …] [--dry-run]</c>.</summary>
/// <param name="Workload">The Deployment, StatefulSet or DaemonSet to restart (kubectl's <c>rollout restart</c>).</param>
/// <param name="Timeout">How long the whole deploy may take, the rollout's wait included (kubectl's <c>--timeout</c>).</param>
/// <param name="Who">The person (or automation) deploying.</param>
/// <param name="Why">Why, for the record; optional.</param>
/// <param name="Incident">The incident whose record gets the deploy (its stability window starts with it).</param>
/// <param name="DryRun">Only plan and show the deploy; nothing is changed or recorded.</param>
public sealed record DeployRequest(
    WorkloadRef Workload,
    TimeSpan Timeout,
    string Who,
    string? Why,
    IncidentId Incident,
    bool DryRun)
{
    /// <summary>The cluster options the person chose, repeated in the commands the outcome names (none by default).</summary>
    public ClusterFlags Cluster { get; init; } = ClusterFlags.None;
}
