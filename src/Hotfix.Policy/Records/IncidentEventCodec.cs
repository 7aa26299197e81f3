using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hotfix.Policy.Records;

/// <summary>
/// The line format of incident records: one compact JSON object per line (JSON Lines). Serialising never produces a
/// line break inside an event, so a line is an event and an interrupted append can only damage the last line.
/// </summary>
internal static class IncidentEventCodec
{
    // Relaxed escaping keeps names and notes readable in the file; line breaks inside strings are still escaped (\n).
    private static readonly JsonTypeInfo<IncidentEvent> EventType = (JsonTypeInfo<IncidentEvent>)new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = IncidentEventJsonContext.Default,
    }.GetTypeInfo(typeof(IncidentEvent));

    /// <summary>The event as one line, without the line break.</summary>
    public static string ToLine(IncidentEvent incidentEvent) =>
        JsonSerializer.Serialize(incidentEvent, EventType);

    /// <summary>
    /// Reads a whole record. Every complete line that is an event of <paramref name="incident"/> is returned; every
    /// other non-empty line is a problem with its line number. A last line without a line break that does not parse is
    /// a torn tail: an append was interrupted.
    /// </summary>
    public static IncidentRecord Parse(IncidentId incident, string location, string text)
    {
        var events = new List<IncidentEvent>();
        var problems = new List<RecordProblem>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var last = i == lines.Length - 1;
            if (TryParseLine(line, out var parsed, out var error))
            {
                if (parsed.Incident != incident)
                {
                    problems.Add(new RecordProblem(i + 1, $"belongs to {parsed.Incident}, not {incident}", false));
                }
                else
                {
                    events.Add(parsed);
                }
            }
            else if (last)
            {
                problems.Add(new RecordProblem(i + 1, $"the last line is incomplete (an append was interrupted: {error}); the {events.Count} events before it are intact", true));
            }
            else
            {
                problems.Add(new RecordProblem(i + 1, $"not a complete event ({error}); an earlier append was probably interrupted", false));
            }
        }

        return new IncidentRecord(incident, location, true, events, problems);
    }

    public static bool TryParseLine(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IncidentEvent? incidentEvent, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        incidentEvent = null;
        try
        {
            incidentEvent = JsonSerializer.Deserialize(line, EventType);
        }
        catch (JsonException e)
        {
            error = "not valid JSON for an event" + (e.Message.Contains("incident id", StringComparison.Ordinal) ? ": " + e.Message : string.Empty);
            return false;
        }

        if (incidentEvent is null)
        {
            error = "null instead of an event";
            return false;
        }

        if (incidentEvent.SchemaVersion > IncidentEvent.CurrentSchemaVersion)
        {
            error = $"schemaVersion {incidentEvent.SchemaVersion} is newer than this hotfix understands ({IncidentEvent.CurrentSchemaVersion})";
            incidentEvent = null;
            return false;
        }

        // A line without "verification" (hand-written, or from an older writer) leaves the init-only list null.
        if (incidentEvent.Verification is null)
        {
            incidentEvent = incidentEvent with { Verification = [] };
        }

        error = null;
        return true;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IncidentEvent))]
internal sealed partial class IncidentEventJsonContext : JsonSerializerContext;
