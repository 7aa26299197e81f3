using System.Globalization;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// What differs between a plan and the same plan made again from the workload as it is now, in words; null when
/// nothing that matters does (the fresh plan may then replace the old one, see <see cref="StalePreconditionRetry{TPlan}"/>).
/// </summary>
internal static class PlanChanges
{
    public static string? Between(RollbackPlan planned, RollbackPlan now)
    {
        if ((Stale(planned.ResourceVersion, now.ResourceVersion) ?? Generation(planned.Generation, now.Generation)) is { } spec)
        {
            return spec;
        }

        if (now.Status != RollbackPlanStatus.Ready)
        {
            return $"read again, the rollback is no longer ready: {now.Refusal?.Message ?? now.SkipMessage}";
        }

        if (now.FromRevision != planned.FromRevision)
        {
            return $"its current revision went from {Rev(planned.FromRevision)} to {Rev(now.FromRevision)}";
        }

        return now.ToRevision != planned.ToRevision || now.TargetName != planned.TargetName || now.TargetHash != planned.TargetHash || !now.ImagesAfter.SequenceEqual(planned.ImagesAfter)
            ? $"the target went from revision {Rev(planned.ToRevision)} ({planned.TargetName}) to revision {Rev(now.ToRevision)} ({now.TargetName})"
            : null;
    }

    public static string? Between(RestartPlan planned, RestartPlan now)
    {
        if ((Stale(planned.ResourceVersion, now.ResourceVersion) ?? Generation(planned.Generation, now.Generation)) is { } spec)
        {
            return spec;
        }

        if (!now.IsReady)
        {
            return $"read again, the restart is refused: {now.Refusal}";
        }

        return now.FromRevision != planned.FromRevision
            ? $"its current revision went from {Rev(planned.FromRevision)} to {Rev(now.FromRevision)}"
            : null;
    }

    /// <summary>
    /// A conflict although the resourceVersion did not move is not a stale precondition: sending the same patch again
    /// would meet the same refusal, so it stops here.
    /// </summary>
    private static string? Stale(string planned, string now) => now == planned
        ? $"the API server reported a conflict, though resourceVersion {planned} read again looks unchanged"
        : null;

    private static string? Generation(long planned, long now) => now == planned
        ? null
        : $"the generation went from {planned.ToString(CultureInfo.InvariantCulture)} to {now.ToString(CultureInfo.InvariantCulture)}: its spec was changed";

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
