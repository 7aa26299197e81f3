namespace Hotfix.Policy.Rollouts;

/// <summary>
/// kubectl's rollback and history algorithm for one workload kind, as a pure function over objects the adapter read
/// (the workload and what its selector listed: ReplicaSets or ControllerRevisions). Mirrors kubectl's
/// pkg/polymorphichelpers/rollback.go and history.go, one class per kind.
/// </summary>
public interface IRollbacker
{
    /// <summary>What the adapter lists with the workload's selector: <c>replicasets</c> or <c>controllerrevisions</c>.</summary>
    string RevisionResource { get; }

    RolloutHistory History(KubeObject workload, IReadOnlyList<KubeObject> listed);

    RollbackPlan Plan(KubeObject workload, IReadOnlyList<KubeObject> listed, long toRevision);
}

public static class Rollbackers
{
    public static IRollbacker For(WorkloadKind kind) => kind == WorkloadKind.Deployment
        ? DeploymentRollbacker.Instance
        : new ControllerRevisionRollbacker(kind);

    /// <summary>kubectl's message for a revision that is not in the history.</summary>
    public static string RevisionNotFound(long revision) => $"unable to find specified revision {revision} in history";

    /// <summary>kubectl's message when the template is already the target's.</summary>
    public static string Skipped(long requestedRevision) => $"skipped rollback (current template already matches revision {requestedRevision})";

    internal static WorkloadRef RefOf(KubeObject workload, WorkloadKind kind) => new(kind, workload.Name, workload.Namespace);

    internal static IReadOnlyList<string> ApplyWarnings(KubeObject workload, WorkloadKind kind) =>
        workload.Annotations.ContainsKey(KubernetesKeys.LastAppliedConfiguration)
            ? [$"resource {kind.Resource()}/{workload.Name} was previously managed with 'kubectl apply'. Rolling back will not update the {KubernetesKeys.LastAppliedConfiguration} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead."]
            : [];
}
