namespace Hotfix.Policy.Workloads;

/// <summary>An instance (a pod) of the workload as <c>kubectl get pods -l …</c> shows it: phase, readiness, restarts, why it waits.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="Phase">
/// The pod phase (<c>Pending</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c>, <c>Unknown</c>).
/// </param>
/// <param name="Ready">Whether the pod's Ready condition is true.</param>
/// <param name="Restarts">Container restarts, summed over the pod's containers.</param>
/// <param name="Reason">Why it waits or failed (e.g. <c>CrashLoopBackOff</c>); null when nothing is wrong.</param>
/// <param name="Terminating">True when the pod is being deleted (e.g. from the old revision).</param>
public sealed record PodInfo(string Name, string Phase, bool Ready, int Restarts, string? Reason, bool Terminating)
{
    /// <summary>True when the pod is Running, ready, and not terminating.</summary>
    public bool RunningAndReady => Phase == "Running" && Ready && !Terminating;
}

/// <summary>
/// The runbook's "Verify pods are running" for a workload: its pods by selector, and whether the expected number
/// of them is running and ready (terminating pods of the old revision are listed but not counted).
/// </summary>
/// <param name="Selector">The label selector the pods were listed by.</param>
/// <param name="Expected">How many pods should be running and ready (the desired replicas).</param>
/// <param name="Pods">Every pod the selector matched, terminating ones included.</param>
public sealed record PodSummary(string Selector, int Expected, IReadOnlyList<PodInfo> Pods)
{
    /// <summary>How many pods are running and ready (terminating pods never count).</summary>
    public int RunningAndReady => Pods.Count(p => p.RunningAndReady);

    /// <summary>
    /// True when at least the expected number are running and ready and no other live pod is failing.
    /// </summary>
    public bool IsHealthy => RunningAndReady >= Expected && Pods.Where(p => !p.Terminating).All(p => p.RunningAndReady);

    /// <summary>The live pods that are not running and ready; empty when all are.</summary>
    public IReadOnlyList<PodInfo> Unhealthy => Pods.Where(p => !p.Terminating && !p.RunningAndReady).ToList();

    /// <summary>
    /// One line for people, e.g. "2 of 3 expected pods running and ready; not ready: web-x (Pending, …)".
    /// </summary>
    public string Describe() =>
        $"{RunningAndReady} of {Expected} expected pods running and ready"
        + (Unhealthy.Count == 0 ? string.Empty : "; not ready: " + string.Join(", ", Unhealthy.Select(p => $"{p.Name} ({p.Phase}{(p.Reason is null ? string.Empty : ", " + p.Reason)})")));
}
