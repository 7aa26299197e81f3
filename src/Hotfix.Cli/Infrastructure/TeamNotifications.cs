using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Tells the team after an operation and notes it in the incident record. A notification that fails only warns:
/// the operation it reports has already happened and its exit code stands.
/// </summary>
internal static class TeamNotifications
{
    /// <summary>Sends <paramref name="notification"/>; the result (None when no webhook is configured for its event).</summary>
    public static async Task<TeamNotificationResult> SendAsync(CliEnvironment environment, HotfixPolicy policy, TeamNotification notification, IIncidentRecordStore? records, CancellationToken cancellationToken)
    {
        var notifier = environment.Adapters.Notifier ?? new WebhookTeamNotifier(policy.Notifications, environment.GetVariable);
        var delivery = await TeamNotices.SendAsync(notifier, notification, records, environment.Time, cancellationToken).ConfigureAwait(false);
        var result = delivery.Result;
        foreach (var failure in result.Failures)
        {
            environment.Error.WriteLine($"hotfix: warning: the team was not notified via {failure} (the {notification.Event} itself is not affected)");
        }

        if (result.Notified)
        {
            environment.Error.WriteLine($"hotfix: team notified via {string.Join(", ", result.Delivered)}");
        }

        if (delivery.NoteProblem is { } problem)
        {
            environment.Error.WriteLine($"hotfix: warning: {problem}");
        }

        return result;
    }
}
