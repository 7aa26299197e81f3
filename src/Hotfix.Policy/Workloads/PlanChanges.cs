using System.Globalization;
using System.Text.Json.Nodes;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// What differs between a plan and the same plan made again from the workload as it is now, in words; null when
/// nothing that matters does (the fresh plan may then replace the old one, see <see cref="StalePreconditionRetry{TPlan}"/>).
/// </summary>
internal static class PlanChanges
{
    public static string? Between(RollbackPlan planned, RollbackPlan now)
    {
        if ((Stale(planned.ResourceVersion, now.ResourceVersion) ?? Generation(planned.Generation, now.Generation, planned.SpecWithoutReplicas, now.SpecWithoutReplicas)) is { } spec)
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
        if ((Stale(planned.ResourceVersion, now.ResourceVersion) ?? Generation(planned.Generation, now.Generation, planned.SpecWithoutReplicas, now.SpecWithoutReplicas)) is { } spec)
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

    /// <summary>
    /// A moved generation is a spec change, unless the specs the plans depend on (all but replicas, which a scaler
    /// writes) are equal: then the fresh plan, made from the fresh object, is the same rollback or restart.
    /// </summary>
    private static string? Generation(long planned, long now, string? plannedSpec, string? nowSpec)
    {
        if (now == planned)
        {
            return null;
        }

        var moved = $"the generation went from {planned.ToString(CultureInfo.InvariantCulture)} to {now.ToString(CultureInfo.InvariantCulture)}: its spec was changed";
        if (plannedSpec is null || nowSpec is null)
        {
            return moved;
        }

        var changed = ChangedFields(plannedSpec, nowSpec);
        return changed.Count == 0 ? null : $"{moved} ({string.Join(", ", changed)})";
    }

    /// <summary>
    /// The stop when every patch found a newer resourceVersion, in words that were checked: the last refusal was read
    /// again too (<paramref name="lastRead"/>), so it says whether only status writes or also a scaler's moved it.
    /// </summary>
    public static string KeptChanging(int writes, long plannedGeneration, long lastRead)
    {
        var refused = $"the resourceVersion changed before each of {writes.ToString(CultureInfo.InvariantCulture)} patches";
        return lastRead == plannedGeneration
            ? $"{refused}, although the spec did not (generation {plannedGeneration.ToString(CultureInfo.InvariantCulture)}, read again after the last refusal too: only status writes, e.g. its controller's during a rollout)"
            : $"{refused}, although nothing the plan depends on did (read again after the last refusal too, the generation went from {plannedGeneration.ToString(CultureInfo.InvariantCulture)} to {lastRead.ToString(CultureInfo.InvariantCulture)} only by changes of spec.replicas, e.g. a HorizontalPodAutoscaler scaling it, besides status writes)";
    }

    /// <summary>The top-level spec fields whose values differ, as <c>spec.name</c>, in order; both are JSON objects.</summary>
    private static List<string> ChangedFields(string planned, string now)
    {
        var before = JsonNode.Parse(planned) as JsonObject ?? [];
        var after = JsonNode.Parse(now) as JsonObject ?? [];
        return before.Select(p => p.Key).Union(after.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(before[key], after[key]))
            .Order(StringComparer.Ordinal)
            .Select(key => "spec." + key)
            .ToList();
    }

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
