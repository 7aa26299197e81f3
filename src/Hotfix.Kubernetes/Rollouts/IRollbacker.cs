using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// kubectl's rollback and history algorithm for one workload kind, as a pure function over objects the adapter read
/// (the workload and what its selector listed: ReplicaSets or ControllerRevisions). Mirrors kubectl's
/// pkg/polymorphichelpers/rollback.go and history.go, one class per kind.
/// </summary>
internal interface IRollbacker
{
    /// <summary>What the adapter lists with the workload's selector: <c>replicasets</c> or <c>controllerrevisions</c>.</summary>
    string RevisionResource { get; }

    RolloutHistory History(KubeObject workload, IReadOnlyList<KubeObject> listed);

    RollbackPlan Plan(KubeObject workload, IReadOnlyList<KubeObject> listed, long toRevision);
}

internal static class Rollbackers
{
    public static IRollbacker For(WorkloadKind kind) => kind == WorkloadKind.Deployment
        ? DeploymentRollbacker.Instance
        : new ControllerRevisionRollbacker(kind);

    /// <summary>kubectl's message for a revision that is not in the history.</summary>
    public static string RevisionNotFound(long revision) => $"unable to find specified revision {revision} in history";

    /// <summary>kubectl's message when the template is already the target's.</summary>
    public static string Skipped(long requestedRevision) => $"skipped rollback (current template already matches revision {requestedRevision})";

    internal static WorkloadRef RefOf(KubeObject workload, WorkloadKind kind) => new(kind, workload.Name, workload.Namespace);

    /// <summary>Where every plan starts: the workload as it is now; refused until a target is found.</summary>
    internal static RollbackPlan Start(KubeObject workload, WorkloadKind kind, RolloutHistory history, long toRevision) => new()
    {
        Workload = history.Workload,
        RequestedRevision = toRevision,
        Status = RollbackPlanStatus.Refused,
        FromRevision = history.CurrentRevision,
        ImagesBefore = PodTemplates.Images(workload.Node("spec", "template")),
        ChangeCauseBefore = workload.Annotations.GetValueOrDefault(KubernetesKeys.ChangeCause),
        ResourceVersion = workload.ResourceVersion,
        Generation = workload.Generation,
        SpecWithoutReplicas = PlannedSpec.Of(workload),
        History = history,
        Selector = LabelSelector.From(workload.Node("spec", "selector")).ToString(),
        Warnings = ApplyWarnings(workload, kind),
    };

    /// <summary>The plan with its target: the revision, the object behind it and what its template runs.</summary>
    internal static RollbackPlan Targeting(this RollbackPlan plan, KubeObject target, long revision, System.Text.Json.Nodes.JsonNode? template, string hashLabel) => plan with
    {
        ToRevision = revision,
        TargetName = target.Name,
        TargetHash = target.Labels.GetValueOrDefault(hashLabel),
        ImagesAfter = PodTemplates.Images(template),
        ChangeCauseAfter = target.Annotations.GetValueOrDefault(KubernetesKeys.ChangeCause),
    };

    /// <summary>kubectl's last step for every kind: skip when the template is already the target's, else patch.</summary>
    internal static RollbackPlan Complete(this RollbackPlan plan, KubeObject workload, System.Text.Json.Nodes.JsonNode? targetTemplate, Func<RollbackPatch> patch)
    {
        if (PodTemplates.EqualIgnoringHash(targetTemplate, workload.Node("spec", "template")))
        {
            return plan with { Status = RollbackPlanStatus.AlreadyAtTarget, SkipMessage = Skipped(plan.RequestedRevision) };
        }

        var maxRevision = plan.History.Revisions.Count == 0 ? 0 : plan.History.Revisions.Max(r => r.Revision);
        return plan with
        {
            Status = RollbackPlanStatus.Ready,
            RestoredAsRevision = plan.ToRevision < maxRevision ? maxRevision + 1 : plan.ToRevision,
            Patch = patch(),
        };
    }

    internal static IReadOnlyList<string> ApplyWarnings(KubeObject workload, WorkloadKind kind) =>
        workload.Annotations.ContainsKey(KubernetesKeys.LastAppliedConfiguration)
            ? [$"resource {kind.Resource()}/{workload.Name} was previously managed with 'kubectl apply'. Rolling back will not update the {KubernetesKeys.LastAppliedConfiguration} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead."]
            : [];
}
