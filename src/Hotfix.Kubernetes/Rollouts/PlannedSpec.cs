using System.Text.Json.Nodes;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// The part of a workload's spec a rollback or restart depends on, kept with its plan so a re-read can tell a scaler
/// from a person. A HorizontalPodAutoscaler writes <c>spec.replicas</c> (through the scale subresource) every few
/// seconds under load, which moves the generation; but no plan reads replicas, and no patch writes them (a
/// Deployment's replaces the pod template and the annotations, a StatefulSet's or DaemonSet's only the template, a
/// restart only a template annotation), nor does the number of pods decide which revision is restored. So replicas
/// alone are left out, for Deployments and StatefulSets; a DaemonSet has none, so every spec change of one counts.
/// </summary>
internal static class PlannedSpec
{
    public static string Of(KubeObject workload)
    {
        var spec = workload.Node("spec")?.DeepClone() as JsonObject ?? [];
        spec.Remove("replicas");
        return spec.ToJsonString();
    }
}
