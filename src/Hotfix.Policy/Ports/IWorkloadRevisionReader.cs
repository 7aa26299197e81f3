namespace Hotfix.Policy.Ports;

/// <summary>
/// "Rollback plan documented (which revision to undo to)": the revision a workload runs now, so the checklist can name
/// it. The Kubernetes adapter answers it from the rollout history; without a cluster the checklist says what to fill in.
/// </summary>
internal interface IWorkloadRevisionReader
{
    /// <summary>Where the reader points, for notes (e.g. the kubeconfig context).</summary>
    string Target { get; }

    /// <summary>The current revision of <paramref name="workload"/> (<c>deployment/admin-ui</c>) in <paramref name="namespace"/> (null: the default).</summary>
    Task<WorkloadRevisionLookup> GetCurrentRevisionAsync(string workload, string? @namespace, CancellationToken cancellationToken);
}

/// <summary>The revision, or why it is not known (no such workload, no rollout history, the cluster did not answer).</summary>
internal sealed record WorkloadRevisionLookup(long? Revision, string? Problem)
{
    public static WorkloadRevisionLookup Found(long revision) => new(revision, null);

    public static WorkloadRevisionLookup NotKnown(string problem) => new(null, problem);
}
