using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// kubectl's status viewers (pkg/polymorphichelpers/rollout_status.go), one per kind, with the same checks in the
/// same order and the same messages. On top of kubectl: a paused Deployment that has not finished is reported as
/// <see cref="RolloutVerdict.Paused"/> at once (kubectl waits for its timeout).
/// </summary>
internal static class RolloutStatusViewer
{
    public const string ProgressDeadlineExceededReason = "ProgressDeadlineExceeded";

    public static RolloutStatus Evaluate(WorkloadKind kind, KubeObject workload) => kind switch
    {
        WorkloadKind.Deployment => Deployment(workload),
        WorkloadKind.DaemonSet => DaemonSet(workload),
        _ => StatefulSet(workload),
    };

    public static RolloutStatus Deployment(KubeObject d)
    {
        var name = d.Name;
        var status = Viewer();
        if (status.Verdict == RolloutVerdict.Progressing && d.Flag("spec", "paused"))
        {
            return new(RolloutVerdict.Paused, $"deployment \"{name}\" is paused: the rollout cannot finish until it is resumed ('kubectl rollout resume deployment/{name}'); last status: {status.Message}");
        }

        return status;

        RolloutStatus Viewer()
        {
            if (d.Generation > (d.Number("status", "observedGeneration") ?? 0))
            {
                return Waiting("Waiting for deployment spec update to be observed...");
            }

            if (ProgressingReason(d) == ProgressDeadlineExceededReason)
            {
                return new(RolloutVerdict.DeadlineExceeded, $"deployment \"{name}\" exceeded its progress deadline");
            }

            var replicas = d.Number("spec", "replicas");
            var updated = d.Number("status", "updatedReplicas") ?? 0;
            var total = d.Number("status", "replicas") ?? 0;
            var available = d.Number("status", "availableReplicas") ?? 0;
            if (replicas is { } want && updated < want)
            {
                return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {want} new replicas have been updated...");
            }

            if (total > updated)
            {
                return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {total - updated} old replicas are pending termination...");
            }

            if (available < updated)
            {
                return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...");
            }

            return new(RolloutVerdict.Complete, $"deployment \"{name}\" successfully rolled out");
        }
    }

    public static RolloutStatus DaemonSet(KubeObject ds)
    {
        if (ds.Text("spec", "updateStrategy", "type") != "RollingUpdate")
        {
            return NotRollingUpdate();
        }

        if (ds.Generation > (ds.Number("status", "observedGeneration") ?? 0))
        {
            return Waiting("Waiting for daemon set spec update to be observed...");
        }

        var desired = ds.Number("status", "desiredNumberScheduled") ?? 0;
        var updated = ds.Number("status", "updatedNumberScheduled") ?? 0;
        var available = ds.Number("status", "numberAvailable") ?? 0;
        if (updated < desired)
        {
            return Waiting($"Waiting for daemon set \"{ds.Name}\" rollout to finish: {updated} out of {desired} new pods have been updated...");
        }

        if (available < desired)
        {
            return Waiting($"Waiting for daemon set \"{ds.Name}\" rollout to finish: {available} of {desired} updated pods are available...");
        }

        return new(RolloutVerdict.Complete, $"daemon set \"{ds.Name}\" successfully rolled out");
    }

    public static RolloutStatus StatefulSet(KubeObject sts)
    {
        if (sts.Text("spec", "updateStrategy", "type") != "RollingUpdate")
        {
            return NotRollingUpdate();
        }

        var observed = sts.Number("status", "observedGeneration") ?? 0;
        if (observed == 0 || sts.Generation > observed)
        {
            return Waiting("Waiting for statefulset spec update to be observed...");
        }

        var replicas = sts.Number("spec", "replicas");
        var ready = sts.Number("status", "readyReplicas") ?? 0;
        var updated = sts.Number("status", "updatedReplicas") ?? 0;
        if (replicas is { } want && ready < want)
        {
            return Waiting($"Waiting for {want - ready} pods to be ready...");
        }

        // kubectl returns here whenever rollingUpdate is set (the API server always sets it), before comparing revisions.
        if (sts.Node("spec", "updateStrategy", "rollingUpdate") is not null)
        {
            if (replicas is { } r && sts.Number("spec", "updateStrategy", "rollingUpdate", "partition") is { } partition && updated < r - partition)
            {
                return Waiting($"Waiting for partitioned roll out to finish: {updated} out of {r - partition} new pods have been updated...");
            }

            return new(RolloutVerdict.Complete, $"partitioned roll out complete: {updated} new pods have been updated...");
        }

        var updateRevision = sts.Text("status", "updateRevision");
        var currentRevision = sts.Text("status", "currentRevision");
        if (updateRevision != currentRevision)
        {
            return Waiting($"waiting for statefulset rolling update to complete {updated} pods at revision {updateRevision}...");
        }

        return new(RolloutVerdict.Complete, $"statefulset rolling update complete {sts.Number("status", "currentReplicas") ?? 0} pods at revision {currentRevision}...");
    }

    /// <summary>The reason of the Deployment's Progressing condition, if it has one.</summary>
    public static string? ProgressingReason(KubeObject d) =>
        (d.Node("status", "conditions") as System.Text.Json.Nodes.JsonArray)?
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(c => c["type"]?.GetValue<string>() == "Progressing")
            .Select(c => c["reason"]?.GetValue<string>())
            .FirstOrDefault();

    private static RolloutStatus Waiting(string message) => new(RolloutVerdict.Progressing, message);

    private static RolloutStatus NotRollingUpdate() =>
        new(RolloutVerdict.Unsupported, "rollout status is only available for RollingUpdate strategy type");
}
