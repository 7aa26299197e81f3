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
    public static bool IsNotifyCheck(string check) => TeamNotices.IsNotifyCheck(check);

    /// <summary>Tells the team; true when a webhook took the message.</summary>
    public static async Task<bool> SendAsync(CliEnvironment environment, ClusterSession session, RollbackRecord record, IIncidentRecordStore? records, CancellationToken cancellationToken)
    {
        var result = await TeamNotifications.SendAsync(environment, session.Policy, TeamNotices.ForRollback(record, session.Cluster), records, cancellationToken).ConfigureAwait(false);
        return result.Notified;
    }
}
