using System.Text.Json.Nodes;
using Hotfix.Policy.Policies.Validation;

namespace Hotfix.Cli.Commands;

/// <summary>Webhook URLs carry their secret: <c>hotfix policy show</c> prints env:NAME as is and hides a literal URL.</summary>
internal static class WebhookSecrets
{
    public const string Hidden = "(hidden: webhook URLs are secrets; prefer env:NAME)";

    public static string Redact(string policyJson)
    {
        if (JsonNode.Parse(policyJson) is not JsonObject root || root["notifications"]?["webhooks"] is not JsonArray { Count: > 0 } webhooks)
        {
            return policyJson;
        }

        foreach (var webhook in webhooks.OfType<JsonObject>())
        {
            if (webhook["url"] is JsonValue url && url.TryGetValue<string>(out var text) && !text.StartsWith(NotificationPolicyChecks.EnvPrefix, StringComparison.Ordinal))
            {
                webhook["url"] = Hidden;
            }
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
