using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix;

/// <summary>A severity as the runbook spells it, <c>"SEV1"</c>.</summary>
internal sealed class IncidentSeverityJsonConverter : JsonConverter<IncidentSeverity>
{
    public override IncidentSeverity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && IncidentSeverities.TryParse(reader.GetString(), out var severity)
            ? severity
            : throw new JsonException($"expected a severity, {IncidentSeverities.ExpectedForm}");

    public override void Write(Utf8JsonWriter writer, IncidentSeverity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name());
}
