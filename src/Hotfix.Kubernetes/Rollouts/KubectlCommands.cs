using System.Globalization;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>The kubectl commands a person would type for the same step (the runbook's RUN lines), shown with every plan.</summary>
internal static class KubectlCommands
{
    /// <summary>
    /// The commands for this plan. A refused plan gets the commands that help, never the undo kubectl would reject
    /// too: the history for a revision that is not there, resume before the undo for a paused Deployment.
    /// </summary>
    public static IReadOnlyList<string> ForRollback(RollbackPlan plan, TimeSpan timeout, ClusterFlags cluster)
    {
        var w = plan.Workload;
        return plan.Refusal?.Kind switch
        {
            RollbackRefusalKind.RevisionNotFound or RollbackRefusalKind.NoHistory => [History(w, cluster)],
            RollbackRefusalKind.Paused => [History(w, cluster), Resume(w, cluster), Undo(w, plan.RequestedRevision, cluster), Status(w, timeout, cluster), Pods(w, plan.Selector, cluster)],
            _ => [History(w, cluster), Undo(w, plan.RequestedRevision, cluster), Status(w, timeout, cluster), Pods(w, plan.Selector, cluster)],
        };
    }

    public static string Resume(WorkloadRef w, ClusterFlags cluster) => $"kubectl rollout resume {w.KindAndName} -n {w.Namespace}{cluster.Flags}";

    /// <summary><c>kubectl rollout undo</c>; revision 0 (previous) is kubectl's default and is not written.</summary>
    public static string Undo(WorkloadRef w, long toRevision, ClusterFlags cluster) =>
        $"kubectl rollout undo {w.KindAndName} -n {w.Namespace}{(toRevision > 0 ? $" --to-revision={toRevision.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}{cluster.Flags}";

    public static string History(WorkloadRef w, ClusterFlags cluster) => $"kubectl rollout history {w.KindAndName} -n {w.Namespace}{cluster.Flags}";

    public static string Status(WorkloadRef w, TimeSpan timeout, ClusterFlags cluster) =>
        $"kubectl rollout status {w.KindAndName} -n {w.Namespace} --timeout={timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s{cluster.Flags}";

    public static string Pods(WorkloadRef w, string selector, ClusterFlags cluster) =>
        $"kubectl get pods -n {w.Namespace} -l {ClusterFlags.Quote(selector)}{cluster.Flags}";

    public static string Restart(WorkloadRef w, ClusterFlags cluster) => $"kubectl rollout restart {w.KindAndName} -n {w.Namespace}{cluster.Flags}";
}
