namespace Hotfix.Policy.Workloads;

/// <summary>An instance (a pod) of the workload as <c>kubectl get pods -l …</c> shows it: phase, readiness, restarts, why it waits.</summary>
public sealed record PodInfo(string Name, string Phase, bool Ready, int Restarts, string? Reason, bool Terminating)
{
    public bool RunningAndReady => Phase == "Running" && Ready && !Terminating;
}

/// <summary>
/// The runbook's "Verify pods are running" for a workload: its pods by selector, and whether the expected number
/// of them is running and ready (terminating pods of the old revision are listed but not counted).
/// </summary>
public sealed record PodSummary(string Selector, int Expected, IReadOnlyList<PodInfo> Pods)
{
    public int RunningAndReady => Pods.Count(p => p.RunningAndReady);

    public bool IsHealthy => RunningAndReady >= Expected && Pods.Where(p => !p.Terminating).All(p => p.RunningAndReady);

    public IReadOnlyList<PodInfo> Unhealthy => Pods.Where(p => !p.Terminating && !p.RunningAndReady).ToList();

    public string Describe() =>
        $"{RunningAndReady} of {Expected} expected pods running and ready"
        + (Unhealthy.Count == 0 ? string.Empty : "; not ready: " + string.Join(", ", Unhealthy.Select(p => $"{p.Name} ({p.Phase}{(p.Reason is null ? string.Empty : ", " + p.Reason)})")));
}
