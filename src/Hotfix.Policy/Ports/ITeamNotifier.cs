namespace Hotfix.Policy.Ports;

/// <summary>
/// Telling the team ("CHECK: after rollback, notify team that rollback was performed"): the CLI's adapter posts to
/// incoming webhooks; a host may post to its own chat. A failed notification never fails the operation it reports:
/// the adapter returns the failure instead of throwing, and the caller warns.
/// </summary>
public interface ITeamNotifier
{
    /// <summary>Sends <paramref name="notification"/> to every target configured for its event; bounded by a short timeout.</summary>
    Task<TeamNotificationResult> NotifyAsync(TeamNotification notification, CancellationToken cancellationToken);
}
