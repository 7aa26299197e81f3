using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// kubectl's <c>rollout restart</c> for one workload kind (pkg/polymorphichelpers/objectrestarter.go), as a pure
/// function over the workload the adapter read: stamp <c>kubectl.kubernetes.io/restartedAt</c> on the pod template,
/// or refuse as kubectl refuses.
/// </summary>
internal interface IRestarter
{
    RestartPlan Plan(KubeObject workload, RolloutHistory history, DateTimeOffset at);
}

internal static class Restarters
{
    public static IRestarter For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => DeploymentRestarter.Instance,
        WorkloadKind.StatefulSet => StatefulSetRestarter.Instance,
        _ => DaemonSetRestarter.Instance,
    };

    /// <summary>kubectl formats the time as RFC 3339 to the second; we always write it in UTC.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The plan every kind shares: the workload as it is, refused until a patch is added.</summary>
    public static RestartPlan Start(KubeObject workload, RolloutHistory history, DateTimeOffset at) => new()
    {
        Workload = history.Workload,
        RestartedAt = Stamp(at),
        PreviousRestartedAt = (workload.Node("spec", "template", "metadata", "annotations", KubernetesKeys.RestartedAt) as JsonValue)?.GetValue<string>(),
        ResourceVersion = workload.ResourceVersion,
        Generation = workload.Generation,
        SpecWithoutReplicas = PlannedSpec.Of(workload),
        FromRevision = history.CurrentRevision,
        Images = PodTemplates.Images(workload.Node("spec", "template")),
        Selector = LabelSelector.From(workload.Node("spec", "selector")).ToString(),
    };

    /// <summary>
    /// kubectl's patch is the two-way strategic merge of the object before and after the stamp, which is only the
    /// annotation; ours carries <c>metadata.resourceVersion</c> too, which the API server treats as a precondition.
    /// </summary>
    public static RestartPlan WithPatch(this RestartPlan plan, KubeObject workload)
    {
        if (plan.PreviousRestartedAt == plan.RestartedAt)
        {
            // kubectl: an empty patch — "if restart has already been triggered within the past second, please wait".
            return plan with { Refusal = $"failed to create patch for {plan.Workload.KindAndName}: if restart has already been triggered within the past second, please wait before attempting to trigger another" };
        }

        JsonObject Spec() => new() { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [KubernetesKeys.RestartedAt] = plan.RestartedAt } } } };
        var kubectl = new JsonObject { ["spec"] = Spec() };
        var ours = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = workload.ResourceVersion }, ["spec"] = Spec() };
        return plan with
        {
            Patch = new RollbackPatch(PatchKind.StrategicMerge, ours.ToJsonString(), kubectl.ToJsonString(), $"metadata.resourceVersion == \"{workload.ResourceVersion}\""),
        };
    }
}
