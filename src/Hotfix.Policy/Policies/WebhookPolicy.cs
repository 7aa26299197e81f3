using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Policies;

/// <summary>One incoming webhook. Its URL is a secret: hotfix never prints it.</summary>
public sealed class WebhookPolicy
{
    /// <summary>
    /// <c>https://…</c>, or <c>env:NAME</c> to read it from the environment variable NAME so the secret stays out of
    /// the repository.
    /// </summary>
    public string Url
    {
        get => url ?? string.Empty;
        init => url = value;
    }

    private readonly string? url;

    /// <summary>The events posted to it: deploy, rollback, decide, verify (default: all of them).</summary>
    public IReadOnlyList<string> Events
    {
        get => events ?? TeamNotificationEvents.Known;

        // The source-generated reader sets every init-only property, null when the key is absent: absent means all.
        init => events = value;
    }

    private readonly IReadOnlyList<string>? events;
}
