namespace Hotfix.Policy.Workloads;

/// <summary>
/// One revision of a workload: a ReplicaSet (Deployment) or a ControllerRevision (StatefulSet, DaemonSet).
/// <see cref="Source"/> and <see cref="TemplateHash"/> identify it beyond the number, which Kubernetes changes when
/// a rollback restores it (the restored revision becomes the newest number).
/// </summary>
/// <param name="Revision">The revision number (kubectl's REVISION column).</param>
/// <param name="Source">The ReplicaSet or ControllerRevision behind it.</param>
/// <param name="ChangeCause">The <c>kubernetes.io/change-cause</c> annotation; null when not set.</param>
/// <param name="Images">The container images of its template.</param>
/// <param name="IsCurrent">True for the revision the workload runs now.</param>
/// <param name="TemplateHash">The pod-template hash label; null when the object has none.</param>
/// <param name="Created">When the object was created; null when unknown.</param>
public sealed record RevisionEntry(
    long Revision,
    string Source,
    string? ChangeCause,
    IReadOnlyList<ContainerImage> Images,
    bool IsCurrent,
    string? TemplateHash,
    DateTimeOffset? Created);

/// <summary>The rollout history of a workload, oldest revision first, as <c>kubectl rollout history</c> lists it.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="CurrentRevision">The revision running now; null when none is recorded.</param>
/// <param name="Revisions">Every revision, oldest first; empty when there is no history.</param>
/// <param name="Warnings">
/// Things a person should know about the history (e.g. a ReplicaSet left out for a bad revision annotation).
/// </param>
public sealed record RolloutHistory(WorkloadRef Workload, long? CurrentRevision, IReadOnlyList<RevisionEntry> Revisions, IReadOnlyList<string> Warnings)
{
    /// <summary>kubectl's text when there is nothing to show.</summary>
    public const string NoHistoryMessage = "No rollout history found.";

    /// <summary>
    /// The entry with that revision number; null when the history has none (it may have been pruned).
    /// </summary>
    public RevisionEntry? Find(long revision) => Revisions.FirstOrDefault(r => r.Revision == revision);
}
