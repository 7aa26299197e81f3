using System.Security.Cryptography;
using System.Text;

namespace Hotfix.Policy.Records;

/// <summary>
/// The identity of an incident event, which lets two copies of a record be merged by union: the same entry recorded
/// once and copied to several clones counts once, two entries recorded in parallel both stay.
/// </summary>
internal static class IncidentEventIds
{
    /// <summary>Prefix of the ids derived from an entry's content (entries recorded before ids existed).</summary>
    public const string ContentPrefix = "sha256-";

    /// <summary>
    /// The event's id; for an entry without one, <c>sha256-</c> and the first 32 hex digits of the SHA-256 of its line
    /// — the same entry imported twice, from two clones, gets the same id.
    /// </summary>
    public static string Of(IncidentEvent incidentEvent)
    {
        ArgumentNullException.ThrowIfNull(incidentEvent);
        if (incidentEvent.Id is { Length: > 0 } id)
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(IncidentEventCodec.ToLine(incidentEvent)));
        return ContentPrefix + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>
    /// The event with an id: its own, else a new one (a version 7 GUID: unique without coordination, and ordered by
    /// time of creation).
    /// </summary>
    public static IncidentEvent WithId(IncidentEvent incidentEvent)
    {
        ArgumentNullException.ThrowIfNull(incidentEvent);
        return incidentEvent.Id is { Length: > 0 } ? incidentEvent : incidentEvent with { Id = Guid.CreateVersion7().ToString("N") };
    }

    /// <summary>True for an id a store can keep as part of a file name: 1 to 100 letters, digits, '-' or '_'.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
