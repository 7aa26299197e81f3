using Hotfix.Records;

namespace Hotfix;

/// <summary>Registers the JSON-lines incident record with a <see cref="HotfixEngineBuilder"/>.</summary>
public static class RecordsRegistration
{
    /// <summary>
    /// Keeps incident records as append-only JSON-lines files in <paramref name="folder"/> (one file per incident,
    /// <c>INC-YYYY-NNNN.jsonl</c>), safe for concurrent appenders.
    /// </summary>
    public static HotfixEngineBuilder UseJsonLinesRecords(this HotfixEngineBuilder builder, string folder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseIncidentRecords(new JsonLinesIncidentRecordStore(folder));
    }
}
