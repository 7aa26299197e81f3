namespace Hotfix.Policy.Workloads;

/// <summary>
/// A restart (<c>kubectl rollout restart</c>) worked out before anything is written: the workload as it is, the
/// timestamp the pod template gets, and the patch that stamps it (with a resourceVersion precondition), or kubectl's
/// reason to refuse. Made by the adapter's per-kind restarters from the objects it read.
/// </summary>
public sealed record RestartPlan
{
    /// <summary>The Deployment, StatefulSet or DaemonSet to restart.</summary>
    public required WorkloadRef Workload { get; init; }

    /// <summary>The RFC 3339 UTC timestamp for <c>kubectl.kubernetes.io/restartedAt</c> (e.g. 2026-03-24T10:15:00Z).</summary>
    public required string RestartedAt { get; init; }

    /// <summary>The template's restartedAt value before this restart; null when it was never restarted.</summary>
    public string? PreviousRestartedAt { get; init; }

    /// <summary>kubectl's reason not to restart (e.g. a paused Deployment); null when the restart may go ahead.</summary>
    public string? Refusal { get; init; }

    /// <summary>The Deployment is paused: kubectl refuses to restart it until <c>kubectl rollout resume</c>.</summary>
    public bool Paused { get; init; }

    /// <summary>
    /// The strategic merge patch to send (kubectl's, plus <c>metadata.resourceVersion</c> as a precondition); null when refused.
    /// </summary>
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

    /// <summary>The revision running now, numbered as <c>kubectl rollout history</c> numbers it; null when none is recorded.</summary>
    public long? FromRevision { get; init; }

    /// <summary>The container images the restarted pods run (a restart changes no image).</summary>
    public IReadOnlyList<ContainerImage> Images { get; init; } = [];

    /// <summary>The workload's label selector (for the pod check and the kubectl commands).</summary>
    public required string Selector { get; init; }

    /// <summary>True when the restart may be applied.</summary>
    public bool IsReady => Refusal is null && Patch is not null;
}
