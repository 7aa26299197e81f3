using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// What the team is told after a deploy or a rollback ("CHECK: notify team of rollback and next steps"), and how the
/// telling is noted in the incident record — one wording for the command line and for hosts of the engine.
/// </summary>
internal static class TeamNotices
{
    /// <summary>The runbook check a delivered rollback notification ticks off.</summary>
    public static bool IsNotifyCheck(string check) => check.StartsWith("notify team", StringComparison.Ordinal);

    /// <summary>After a deploy that did not reach production: decide, then roll back if that is the decision.</summary>
    public static IReadOnlyList<string> AfterFailedDeploy(WorkloadRef workload, IncidentId incident, ClusterFlags cluster) =>
    [
        $"hotfix decide --incident {incident} --root-cause known|unknown --impact ongoing|contained",
        $"hotfix rollback {cluster.Target(workload)} --incident {incident} --reason \"<why>\"",
    ];

    /// <summary>The deploy's notice; its steps name the cluster the deploy was run on (<paramref name="cluster"/>).</summary>
    public static TeamNotification ForDeploy(DeployRecord record, HotfixPolicy policy, ClusterFlags cluster)
    {
        var steps = record.Outcome.Result == DeployResult.Deployed
            ? DeployProcedure.ManualChecks(policy).Append($"stability window: hotfix verify {record.Incident} --status").ToList()
            : AfterFailedDeploy(record.Workload, record.Incident, cluster);
        return new TeamNotification(TeamNotificationEvents.Deploy, record.Incident, $"{DeployEvents.Name(record.Outcome.Result)} — {record.Outcome.Message}", record.Who, record.Workload, steps, record.Id);
    }

    /// <summary>The rollback's notice; its steps name the cluster the rollback was run on (<paramref name="cluster"/>).</summary>
    public static TeamNotification ForRollback(RollbackRecord record, ClusterFlags cluster)
    {
        var outcome = record.Outcome!;
        var w = record.Workload;
        IReadOnlyList<string> steps = outcome.Escalate
            ? [$"ESCALATE: {RollbackOutcome.EscalationMessage}", $"state: {outcome.State}"]
            : outcome.Result == RollbackResult.RolledBack
                ? RollbackVerification.RunbookChecks.Where(c => !IsNotifyCheck(c)).ToList()
                : [$"state: {outcome.State}"];
        if (record.Incident is { } incident && outcome.Result == RollbackResult.RolledBack)
        {
            steps = [.. steps, $"the fix: hotfix decide --incident {incident} …, then a forward-fix deploy with hotfix deploy {cluster.Target(w)} --incident {incident}"];
        }

        return new TeamNotification(TeamNotificationEvents.Rollback, record.Incident, $"{outcome.Result.Name()} — {outcome.Message}", record.Who, w, steps, record.Id);
    }

    /// <summary>
    /// Sends <paramref name="notification"/> and, when it names an incident and something was configured, notes in the
    /// record whether the team was told. Never throws for a failed notifier or note: the operation it reports has
    /// already happened; <see cref="Delivery.NoteProblem"/> says what could not be noted.
    /// </summary>
    public static async Task<Delivery> SendAsync(ITeamNotifier notifier, TeamNotification notification, IIncidentRecordStore? records, TimeProvider time, CancellationToken cancellationToken)
    {
        TeamNotificationResult result;
        try
        {
            result = await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // A notifier that throws is treated like a webhook that failed; its message is not echoed (it may hold a URL).
            result = new TeamNotificationResult([], [$"the notifier failed ({e.GetType().Name})"]);
        }

        if (result.NothingConfigured || records is null || notification.Incident is not { } incident)
        {
            return new Delivery(result, null);
        }

        try
        {
            records.Record(TeamNotifiedEvents.ToEvent(incident, notification, result, time.GetLocalNow()));
            return new Delivery(result, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HotfixOperationException)
        {
            return new Delivery(result, $"could not note the notification in {records.LocationOf(incident)} ({e.Message})");
        }
    }

    /// <summary>What the notifier answered, and why the record could not note it (null when it did, or had nothing to note).</summary>
    public sealed record Delivery(TeamNotificationResult Result, string? NoteProblem);
}
