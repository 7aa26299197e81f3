namespace Hotfix.Policy.Policies;

/// <summary>
/// Who is told when hotfix deploys, rolls back, decides or verifies ("notify team of rollback and next steps"):
/// incoming webhooks that accept <c>{"text": …}</c> (Slack, Mattermost, Rocket.Chat, Teams workflows). None by default.
/// </summary>
public sealed class NotificationPolicy
{
    /// <summary>The webhooks, each with the events it gets.</summary>
    public IReadOnlyList<WebhookPolicy> Webhooks { get; init; } = [];
}
