using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The team-notification port on incoming webhooks that accept <c>{"text": …}</c> (Slack, Mattermost, Rocket.Chat,
/// Teams workflows). One POST per webhook configured for the event, each bounded by <see cref="DefaultTimeout"/>, never
/// retried. A URL is never printed: targets are named "webhook N" (and the variable for <c>env:NAME</c>), and failures
/// say only the status or the kind of error — exception messages can carry the URL, so they are not passed on.
/// </summary>
internal sealed class WebhookTeamNotifier(NotificationPolicy policy, Func<string, string?> getVariable, TimeSpan? timeout = null) : ITeamNotifier
{
    /// <summary>How long one webhook may take: a chat server that hangs must not hold up an on-call engineer.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(5);

    public async Task<TeamNotificationResult> NotifyAsync(TeamNotification notification, CancellationToken cancellationToken)
    {
        var targets = policy.Webhooks.Select((w, i) => (Webhook: w, Label: Label(w, i))).Where(t => t.Webhook.Events.Contains(notification.Event)).ToList();
        if (targets.Count == 0)
        {
            return TeamNotificationResult.None;
        }

        var limit = timeout ?? DefaultTimeout;
        var body = JsonSerializer.Serialize(new WebhookMessage(notification.Text), WebhookJsonContext.Default.WebhookMessage);
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var delivered = new List<string>();
        var failures = new List<string>();
        foreach (var (webhook, label) in targets)
        {
            var url = Resolve(webhook.Url, out var problem);
            if (url is null)
            {
                failures.Add($"{label}: {problem}");
                continue;
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(limit);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync(url, content, attempt.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    delivered.Add(label);
                }
                else
                {
                    failures.Add($"{label}: HTTP {(int)response.StatusCode}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{label}: no answer within {limit.TotalSeconds:0.###}s");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{label}: {Describe(e.HttpRequestError)}");
            }
        }

        return new TeamNotificationResult(delivered, failures);
    }

    /// <summary>"webhook 1", with the variable's name for env:NAME (the name is not a secret; its value is).</summary>
    public static string Label(WebhookPolicy webhook, int index) =>
        webhook.Url.StartsWith(NotificationPolicyChecks.EnvPrefix, StringComparison.Ordinal) ? $"webhook {index + 1} ({webhook.Url})" : $"webhook {index + 1}";

    private Uri? Resolve(string configured, out string problem)
    {
        problem = string.Empty;
        var url = configured;
        if (configured.StartsWith(NotificationPolicyChecks.EnvPrefix, StringComparison.Ordinal))
        {
            var name = configured[NotificationPolicyChecks.EnvPrefix.Length..];
            url = getVariable(name);
            if (string.IsNullOrWhiteSpace(url))
            {
                problem = $"the environment variable {name} is not set";
                return null;
            }
        }

        if (!NotificationPolicyChecks.IsHttpUrl(url))
        {
            problem = "not an absolute http(s) URL (not shown: webhook URLs are secrets)";
            return null;
        }

        return new Uri(url!);
    }

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or dropped",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the server closed the connection without an answer",
        _ => "the request failed (" + error + ")",
    };
}

/// <summary>The body incoming webhooks accept.</summary>
internal sealed record WebhookMessage([property: JsonPropertyName("text")] string Text);

/// <summary>Source-generated (AOT-safe) JSON for the webhook body.</summary>
[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
