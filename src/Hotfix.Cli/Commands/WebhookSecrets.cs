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

        // A writer, not ToJsonString(options): the CLI runs without reflection-based serialization (native AOT).
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
