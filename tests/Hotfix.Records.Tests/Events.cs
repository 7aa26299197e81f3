using Hotfix.Policy.Records;

namespace Hotfix.Records.Tests;

internal static class Events
{
    public static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    public static readonly DateTimeOffset T0 = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));

    public static IncidentEvent Note(string text, int minute = 0, IncidentId? incident = null) => new()
    {
        Incident = incident ?? Incident,
        Kind = IncidentEventKinds.Note,
        At = T0.AddMinutes(minute),
        By = "sandro",
        Summary = text,
    };
}
