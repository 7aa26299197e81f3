using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>A DaemonSet is restarted by stamping its template; its update strategy decides how the pods follow.</summary>
internal sealed class DaemonSetRestarter : IRestarter
{
    public static DaemonSetRestarter Instance { get; } = new();

    public RestartPlan Plan(KubeObject workload, RolloutHistory history, DateTimeOffset at) =>
        Restarters.Start(workload, history, at).WithPatch(workload);
}
