using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>A StatefulSet is restarted by stamping its template; its update strategy decides how the pods follow.</summary>
internal sealed class StatefulSetRestarter : IRestarter
{
    public static StatefulSetRestarter Instance { get; } = new();

    public RestartPlan Plan(KubeObject workload, RolloutHistory history, DateTimeOffset at) =>
        Restarters.Start(workload, history, at).WithPatch(workload);
}
