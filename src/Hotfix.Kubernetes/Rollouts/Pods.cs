using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>Reads pods and workloads into the core's platform-neutral <see cref="PodSummary"/>.</summary>
internal static class Pods
{
    /// <summary>Reads a pod object: the Ready condition, container restarts and the first waiting/terminated reason.</summary>
    public static PodInfo Read(KubeObject pod)
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

    /// <summary>How many pods should be running: spec.replicas (default 1), or the DaemonSet's desiredNumberScheduled.</summary>
    public static int ExpectedFor(WorkloadKind kind, KubeObject workload) => kind == WorkloadKind.DaemonSet
        ? (int)(workload.Number("status", "desiredNumberScheduled") ?? 0)
        : (int)(workload.Number("spec", "replicas") ?? 1);
}
