using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix;

/// <summary>An incident id as its string form, <c>"INC-2026-0042"</c>.</summary>
internal sealed class IncidentIdJsonConverter : JsonConverter<IncidentId>
{
    public override IncidentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && IncidentId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException($"expected an incident id {IncidentId.ExpectedForm}");

    public override void Write(Utf8JsonWriter writer, IncidentId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
