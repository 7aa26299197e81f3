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
    public static IReadOnlyList<string> ForRollback(RollbackPlan plan, TimeSpan timeout, string? context)
    {
        var w = plan.Workload;
        return plan.Refusal?.Kind switch
        {
            RollbackRefusalKind.RevisionNotFound or RollbackRefusalKind.NoHistory => [History(w, context)],
            RollbackRefusalKind.Paused => [History(w, context), Resume(w, context), Undo(w, plan.RequestedRevision, context), Status(w, timeout, context), Pods(w, plan.Selector, context)],
            _ => [History(w, context), Undo(w, plan.RequestedRevision, context), Status(w, timeout, context), Pods(w, plan.Selector, context)],
        };
    }

    public static string Resume(WorkloadRef w, string? context) => $"kubectl rollout resume {w.KindAndName} -n {w.Namespace}{Context(context)}";

    /// <summary><c>kubectl rollout undo</c>; revision 0 (previous) is kubectl's default and is not written.</summary>
    public static string Undo(WorkloadRef w, long toRevision, string? context) =>
        $"kubectl rollout undo {w.KindAndName} -n {w.Namespace}{(toRevision > 0 ? $" --to-revision={toRevision.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}{Context(context)}";

    public static string History(WorkloadRef w, string? context) => $"kubectl rollout history {w.KindAndName} -n {w.Namespace}{Context(context)}";

    public static string Status(WorkloadRef w, TimeSpan timeout, string? context) =>
        $"kubectl rollout status {w.KindAndName} -n {w.Namespace} --timeout={timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s{Context(context)}";

    public static string Pods(WorkloadRef w, string selector, string? context) =>
        $"kubectl get pods -n {w.Namespace} -l {Quote(selector)}{Context(context)}";

    public static string Restart(WorkloadRef w, string? context) => $"kubectl rollout restart {w.KindAndName} -n {w.Namespace}{Context(context)}";

    /// <summary>The <c>--context</c> the user chose, quoted for a shell; hotfix takes the flag as kubectl does.</summary>
    public static string Context(string? context) => context is null ? string.Empty : $" --context {Quote(context)}";

    /// <summary>Single-quotes for a POSIX shell when the text has anything but safe characters.</summary>
    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
