using FluentValidation.Results;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// <c>notifications.webhooks</c>: a URL or <c>env:NAME</c>, and known event names. A bad URL is never echoed —
/// webhook URLs carry their secret in the path — so the message says what form was expected, not what was found.
/// </summary>
internal static class NotificationPolicyChecks
{
    public const string EnvPrefix = "env:";

    public static void Check(NotificationPolicy notifications, PolicyFailures context)
    {
        for (var i = 0; i < notifications.Webhooks.Count; i++)
        {
            var webhook = notifications.Webhooks[i];
            var path = $"$.notifications.webhooks[{i}]";
            if (!IsValidUrl(webhook.Url))
            {
                context.AddFailure(new ValidationFailure(path + ".url", "an absolute http(s) URL, or env:NAME to read it from the environment variable NAME") { CustomState = "a value that is neither (not shown: webhook URLs are secrets)" });
            }

            if (webhook.Events.Count == 0)
            {
                context.AddFailure(new ValidationFailure(path + ".events", $"one or more of {string.Join(", ", TeamNotificationEvents.Known)}") { CustomState = "an empty array" });
            }

            for (var e = 0; e < webhook.Events.Count; e++)
            {
                if (!TeamNotificationEvents.Known.Contains(webhook.Events[e]))
                {
                    context.AddFailure(new ValidationFailure($"{path}.events[{e}]", $"a known event: one of {string.Join(", ", TeamNotificationEvents.Known)}") { CustomState = HotfixPolicyValidator.DescribeValue(webhook.Events[e]) });
                }
            }
        }
    }

    /// <summary>An http(s) URL, or env:NAME with NAME a plain environment variable name.</summary>
    public static bool IsValidUrl(string url) => url.StartsWith(EnvPrefix, StringComparison.Ordinal)
        ? IsVariableName(url[EnvPrefix.Length..])
        : IsHttpUrl(url);

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
