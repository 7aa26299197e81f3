namespace Hotfix.Policy.Workloads;

/// <summary>Whether a planned rollback may be applied.</summary>
public enum RollbackPlanStatus
{
    /// <summary>The rollback can be applied.</summary>
    Ready,

    /// <summary>The workload already runs the target template: kubectl's "skipped rollback"; nothing to patch.</summary>
    AlreadyAtTarget,

    /// <summary>kubectl would refuse (see <see cref="RollbackRefusal"/>); nothing may be patched.</summary>
    Refused,
}

/// <summary>Why kubectl would refuse a rollback.</summary>
public enum RollbackRefusalKind
{
    /// <summary>The requested revision is not in the history.</summary>
    RevisionNotFound,

    /// <summary>There is no earlier revision to go back to.</summary>
    NoHistory,

    /// <summary>The Deployment is paused (kubectl refuses to roll back a paused Deployment).</summary>
    Paused,
}

/// <summary>Why a rollback cannot be made, with kubectl's message so people and scripts can search for it.</summary>
/// <param name="Kind">The refusal, for scripts.</param>
/// <param name="Message">kubectl's wording of the refusal.</param>
public sealed record RollbackRefusal(RollbackRefusalKind Kind, string Message);

/// <summary>The kind of patch a rollback sends, as kubectl chooses it per workload kind.</summary>
public enum PatchKind
{
    /// <summary><c>application/json-patch+json</c> (RFC 6902): kubectl's Deployment rollback.</summary>
    JsonPatch,

    /// <summary><c>application/strategic-merge-patch+json</c>: kubectl's StatefulSet/DaemonSet rollback.</summary>
    StrategicMerge,
}

/// <summary>
/// The patch a rollback sends. <see cref="Body"/> is what we send: kubectl's patch plus a precondition on
/// <c>metadata.resourceVersion</c>, so a change made after the plan was read makes the patch fail instead of being
/// overwritten. <see cref="KubectlBody"/> is the patch kubectl would send, for comparison.
/// </summary>
/// <param name="Kind">JSON patch for Deployments, strategic merge for StatefulSets and DaemonSets.</param>
/// <param name="Body">The patch sent: kubectl's patch plus the resourceVersion precondition.</param>
/// <param name="KubectlBody">The patch kubectl would send, for comparison.</param>
/// <param name="Precondition">The resourceVersion the patch requires the workload to still have.</param>
public sealed record RollbackPatch(PatchKind Kind, string Body, string KubectlBody, string Precondition)
{
    /// <summary>The HTTP content type the patch is sent with, following <see cref="Kind"/>.</summary>
    public string ContentType => Kind == PatchKind.JsonPatch ? "application/json-patch+json" : "application/strategic-merge-patch+json";
}

/// <summary>
/// A rollback worked out before anything is written: where the workload is, where it would go, what changes, and
/// whether it may go ahead. Made by the pure rollbackers from objects the adapter read.
/// </summary>
public sealed record RollbackPlan
{
    /// <summary>The Deployment, StatefulSet or DaemonSet being rolled back.</summary>
    public required WorkloadRef Workload { get; init; }

    /// <summary>What was asked: 0 means "the previous revision" (kubectl's <c>--to-revision=0</c>).</summary>
    public required long RequestedRevision { get; init; }

    /// <summary>Whether the rollback may be applied, is already at its target, or is refused.</summary>
    public required RollbackPlanStatus Status { get; init; }

    /// <summary>
    /// Why kubectl would refuse; set only when <see cref="Status"/> is <see cref="RollbackPlanStatus.Refused"/>.
    /// </summary>
    public RollbackRefusal? Refusal { get; init; }

    /// <summary>kubectl's "skipped rollback (current template already matches revision N)" when already there.</summary>
    public string? SkipMessage { get; init; }

    /// <summary>The revision running now (null when the workload has none recorded).</summary>
    public long? FromRevision { get; init; }

    /// <summary>The revision whose template is restored.</summary>
    public long? ToRevision { get; init; }

    /// <summary>The number Kubernetes will give the restored revision (the newest + 1), when it renumbers it.</summary>
    public long? RestoredAsRevision { get; init; }

    /// <summary>The ReplicaSet or ControllerRevision whose template is restored.</summary>
    public string? TargetName { get; init; }

    /// <summary>
    /// The pod-template hash label of the target ReplicaSet or ControllerRevision; null when it has none.
    /// </summary>
    public string? TargetHash { get; init; }

    /// <summary>The container images the workload runs now; empty when it has none.</summary>
    public IReadOnlyList<ContainerImage> ImagesBefore { get; init; } = [];

    /// <summary>
    /// The container images after the rollback (the target template's); empty when no target was found.
    /// </summary>
    public IReadOnlyList<ContainerImage> ImagesAfter { get; init; } = [];

    /// <summary>The workload's <c>kubernetes.io/change-cause</c> annotation now; null when not set.</summary>
    public string? ChangeCauseBefore { get; init; }

    /// <summary>The target revision's <c>kubernetes.io/change-cause</c> annotation; null when not set.</summary>
    public string? ChangeCauseAfter { get; init; }

    /// <summary>The patch to send; null when nothing is to be patched (already at target, or refused).</summary>
    public RollbackPatch? Patch { get; init; }

    /// <summary>The workload's resourceVersion when the plan was made (the patch's precondition).</summary>
    public required string ResourceVersion { get; init; }

    /// <summary>
    /// The workload's <c>metadata.generation</c> when the plan was made. Only spec changes move it (status writes move
    /// only the resourceVersion), so a failed precondition with an unchanged generation is no change anyone made.
    /// </summary>
    public long Generation { get; init; }

    /// <summary>
    /// The workload's spec when the plan was made, as JSON, without <c>replicas</c>: what the plan depends on. A
    /// HorizontalPodAutoscaler moves the generation by writing replicas, which the patch neither reads nor writes; a
    /// re-read whose spec differs only there may be planned again. Null when unknown: then every generation change
    /// counts as a change of what the plan depends on.
    /// </summary>
    public string? SpecWithoutReplicas { get; init; }

    /// <summary>Things a person should know (e.g. kubectl's last-applied-configuration warning).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The workload's revision history as read when the plan was made (kubectl's <c>rollout history</c>).
    /// </summary>
    public required RolloutHistory History { get; init; }

    /// <summary>The label selector of the workload (for the pod check and the kubectl commands).</summary>
    public required string Selector { get; init; }

    /// <summary>Whether the image lists differ (a template can also change without an image change).</summary>
    public bool ChangesImages => !ImagesBefore.SequenceEqual(ImagesAfter);
}
