using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// "CHECK: after rollback, notify team that rollback was performed" (DEPLOYMENT_CHECKLIST: "notify team of rollback
/// and next steps"): what the team is told after a rollback, whatever its outcome.
/// </summary>
internal static class RollbackNotice
{
    /// <summary>The runbook check the notification ticks off.</summary>
    public static bool IsNotifyCheck(string check) => check.StartsWith("notify team", StringComparison.Ordinal);

    /// <summary>Tells the team; true when a webhook took the message.</summary>
    public static async Task<bool> SendAsync(CliEnvironment environment, ClusterSession session, RollbackRecord record, IIncidentRecordStore? records, CancellationToken cancellationToken)
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
            steps = [.. steps, $"the fix: hotfix decide --incident {incident} …, then a forward-fix deploy with hotfix deploy {w.KindAndName} -n {w.Namespace} --incident {incident}"];
        }

        var notification = new TeamNotification(TeamNotificationEvents.Rollback, record.Incident, $"{outcome.Result.Name()} — {outcome.Message}", record.Who, w, steps, record.Id);
        var result = await TeamNotifications.SendAsync(environment, session.Policy, notification, records, cancellationToken).ConfigureAwait(false);
        return result.Notified;
    }
}
