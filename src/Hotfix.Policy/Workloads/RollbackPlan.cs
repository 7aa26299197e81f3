namespace Hotfix.Policy.Workloads;

public enum RollbackPlanStatus
{
    /// <summary>The rollback can be applied.</summary>
    Ready,

    /// <summary>The workload already runs the target template: kubectl's "skipped rollback"; nothing to patch.</summary>
    AlreadyAtTarget,

    /// <summary>kubectl would refuse (see <see cref="RollbackRefusal"/>); nothing may be patched.</summary>
    Refused,
}

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
public sealed record RollbackRefusal(RollbackRefusalKind Kind, string Message);

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
public sealed record RollbackPatch(PatchKind Kind, string Body, string KubectlBody, string Precondition)
{
    public string ContentType => Kind == PatchKind.JsonPatch ? "application/json-patch+json" : "application/strategic-merge-patch+json";
}

/// <summary>
/// A rollback worked out before anything is written: where the workload is, where it would go, what changes, and
/// whether it may go ahead. Made by the pure rollbackers from objects the adapter read.
/// </summary>
public sealed record RollbackPlan
{
    public required WorkloadRef Workload { get; init; }

    /// <summary>What was asked: 0 means "the previous revision" (kubectl's <c>--to-revision=0</c>).</summary>
    public required long RequestedRevision { get; init; }

    public required RollbackPlanStatus Status { get; init; }

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

    public string? TargetHash { get; init; }

    public IReadOnlyList<ContainerImage> ImagesBefore { get; init; } = [];

    public IReadOnlyList<ContainerImage> ImagesAfter { get; init; } = [];

    public string? ChangeCauseBefore { get; init; }

    public string? ChangeCauseAfter { get; init; }

    public RollbackPatch? Patch { get; init; }

    /// <summary>The workload's resourceVersion when the plan was made (the patch's precondition).</summary>
    public required string ResourceVersion { get; init; }

    /// <summary>Things a person should know (e.g. kubectl's last-applied-configuration warning).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required RolloutHistory History { get; init; }

    /// <summary>The label selector of the workload (for the pod check and the kubectl commands).</summary>
    public required string Selector { get; init; }

    /// <summary>Whether the image lists differ (a template can also change without an image change).</summary>
    public bool ChangesImages => !ImagesBefore.SequenceEqual(ImagesAfter);
}
