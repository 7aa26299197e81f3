using System.Globalization;
using Hotfix.Policy.Records;

namespace Hotfix.Git;

/// <summary>
/// The layout of incident records in git: one reference per incident, <c>refs/hotfix/incidents/INC-YYYY-NNNN</c>,
/// whose commits each add entries as files <c>events/&lt;UTC time&gt;-&lt;sequence&gt;-&lt;id&gt;.json</c> (one JSON
/// line each). An entry's file never changes once written, so two copies of a record merge by the union of their
/// files, and an entry is identified by its id wherever it travelled.
/// </summary>
internal static class IncidentRefs
{
    public const string Prefix = "refs/hotfix/incidents/";
    public const string EventsFolder = "events";

    /// <summary>The refspec that fetches every incident of a remote as is (CI: git fetch origin 'refs/hotfix/*:refs/hotfix/*').</summary>
    public const string FetchAll = "refs/hotfix/*:refs/hotfix/*";

    public static string Of(IncidentId incident) => Prefix + incident;

    /// <summary>Where a sync keeps what it last fetched of <paramref name="remote"/>'s record.</summary>
    public static string TrackingOf(string remote, IncidentId incident) => $"refs/hotfix/remotes/{remote}/incidents/{incident}";

    /// <summary>
    /// The entry's file name: sorted by name, entries read in time order, then in the order one clone recorded them
    /// (<paramref name="sequence"/>: entries already in that clone's record), then by id.
    /// </summary>
    public static string FileName(IncidentEvent incidentEvent, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{incidentEvent.At.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{sequence:D6}-{IncidentEventIds.Of(incidentEvent)}.json");

    /// <summary>The id part of an entry's file name, or null when the name is not one hotfix writes.</summary>
    public static string? IdOf(string fileName)
    {
        if (!fileName.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = fileName[..^".json".Length].Split('-', 3);
        return parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null;
    }
}
