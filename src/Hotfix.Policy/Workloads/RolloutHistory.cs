namespace Hotfix.Policy.Workloads;

/// <summary>
/// One revision of a workload: a ReplicaSet (Deployment) or a ControllerRevision (StatefulSet, DaemonSet).
/// <see cref="Source"/> and <see cref="TemplateHash"/> identify it beyond the number, which Kubernetes changes when
/// a rollback restores it (the restored revision becomes the newest number).
/// </summary>
public sealed record RevisionEntry(
    long Revision,
    string Source,
    string? ChangeCause,
    IReadOnlyList<ContainerImage> Images,
    bool IsCurrent,
    string? TemplateHash,
    DateTimeOffset? Created);

/// <summary>The rollout history of a workload, oldest revision first, as <c>kubectl rollout history</c> lists it.</summary>
public sealed record RolloutHistory(WorkloadRef Workload, long? CurrentRevision, IReadOnlyList<RevisionEntry> Revisions, IReadOnlyList<string> Warnings)
{
    /// <summary>kubectl's text when there is nothing to show.</summary>
    public const string NoHistoryMessage = "No rollout history found.";

    public RevisionEntry? Find(long revision) => Revisions.FirstOrDefault(r => r.Revision == revision);
}
