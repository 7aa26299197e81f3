using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>kubectl refuses to restart a paused Deployment (the controller would not roll it out).</summary>
internal sealed class DeploymentRestarter : IRestarter
{
    public static DeploymentRestarter Instance { get; } = new();

    public RestartPlan Plan(KubeObject workload, RolloutHistory history, DateTimeOffset at)
    {
        var plan = Restarters.Start(workload, history, at);
        return workload.Flag("spec", "paused")
            ? plan with { Refusal = "can't restart paused deployment (run rollout resume first)", Paused = true }
            : plan.WithPatch(workload);
    }
}
