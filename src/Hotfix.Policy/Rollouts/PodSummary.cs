using System.Text.Json.Nodes;

namespace Hotfix.Policy.Rollouts;

/// <summary>A pod of the workload as <c>kubectl get pods -l …</c> shows it: phase, readiness, restarts, why it waits.</summary>
public sealed record PodInfo(string Name, string Phase, bool Ready, int Restarts, string? Reason, bool Terminating)
{
    public bool RunningAndReady => Phase == "Running" && Ready && !Terminating;

    /// <summary>Reads a pod object: the Ready condition, container restarts and the first waiting/terminated reason.</summary>
    public static PodInfo From(KubeObject pod)
    {
        var ready = (pod.Node("status", "conditions") as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") ?? false;
        var statuses = (pod.Node("status", "containerStatuses") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var restarts = statuses.Sum(s => (int)(s["restartCount"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0));
        var reason = statuses
            .Select(s => s["state"]?["waiting"]?["reason"] ?? s["state"]?["terminated"]?["reason"])
            .OfType<JsonValue>()
            .Select(v => v.GetValue<string>())
            .FirstOrDefault() ?? pod.Text("status", "reason");
        return new PodInfo(pod.Name, pod.Text("status", "phase") ?? "Unknown", ready, restarts, reason, pod.Node("metadata", "deletionTimestamp") is not null);
    }
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

    /// <summary>How many pods should be running: spec.replicas (default 1), or the DaemonSet's desiredNumberScheduled.</summary>
    public static int ExpectedFor(WorkloadKind kind, KubeObject workload) => kind == WorkloadKind.DaemonSet
        ? (int)(workload.Number("status", "desiredNumberScheduled") ?? 0)
        : (int)(workload.Number("spec", "replicas") ?? 1);

    public string Describe() =>
        $"{RunningAndReady} of {Expected} expected pods running and ready"
        + (Unhealthy.Count == 0 ? string.Empty : "; not ready: " + string.Join(", ", Unhealthy.Select(p => $"{p.Name} ({p.Phase}{(p.Reason is null ? string.Empty : ", " + p.Reason)})")));
}
