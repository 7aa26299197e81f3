using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Ports;

/// <summary>
/// The DEPLOY step "kubectl rollout restart" in two halves, so a deploy can show its plan before its one write and
/// guard that write with the resourceVersion it planned from. A separate port from <see cref="IWorkloadController"/>
/// so adding it changes no existing implementation; the Kubernetes adapter implements both.
/// </summary>
public interface IWorkloadRestarter
{
    /// <summary>Reads the workload and its revisions and works out the restart stamped <paramref name="at"/>. Writes nothing.</summary>
    Task<RestartPlan> PlanRestartAsync(WorkloadRef workload, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sends the plan's patch once (with its resourceVersion precondition). Only for plans that are ready.</summary>
    Task ApplyRestartAsync(RestartPlan plan, CancellationToken cancellationToken);
}
