using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;

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
        TeamNotificationResult result;
        try
        {
            result = await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // A host's notifier that throws is treated like a webhook that failed; its message is not echoed (it may hold a URL).
            result = new TeamNotificationResult([], [$"the notifier failed ({e.GetType().Name})"]);
        }

        if (result.NothingConfigured)
        {
            return result;
        }

        foreach (var failure in result.Failures)
        {
            environment.Error.WriteLine($"hotfix: warning: the team was not notified via {failure} (the {notification.Event} itself is not affected)");
        }

        if (result.Notified)
        {
            environment.Error.WriteLine($"hotfix: team notified via {string.Join(", ", result.Delivered)}");
        }

        if (records is not null && notification.Incident is { } incident)
        {
            try
            {
                records.Record(TeamNotifiedEvents.ToEvent(incident, notification, result, environment.Time.GetLocalNow()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HotfixOperationException)
            {
                environment.Error.WriteLine($"hotfix: warning: could not note the notification in {records.LocationOf(incident)} ({e.Message})");
            }
        }

        return result;
    }
}
