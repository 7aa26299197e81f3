using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>The incident-record entries of POST_VERIFICATION: deployed, verification, stable, post-mortem, closed.</summary>
internal static class StabilityEvents
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Scheduled = "scheduled";
    public const string Done = "done";

    public static IncidentEvent Deployed(IncidentId incident, HotfixPolicy policy, string by, DateTimeOffset at, string? note)
    {
        var due = StabilityWindow.Checkpoints(policy.StabilityWindow)
            .Select(c => $"{c.Name} {at.AddHours(c.Hour).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");
        return new IncidentEvent
        {
            Incident = incident,
            Kind = IncidentEventKinds.Deployed,
            At = at,
            By = by,
            Summary = $"hotfix deployed; {policy.StabilityWindow.Hours}-hour stability window starts (checks due: {string.Join(", ", due)})" + (note is null ? string.Empty : $" — {note}"),
            Details = new JsonObject { ["windowHours"] = policy.StabilityWindow.Hours, ["note"] = note },
        };
    }

    public static IncidentEvent Check(IncidentId incident, string checkpoint, VerificationCheckPolicy check, bool passed, string? note, string source, string by, DateTimeOffset at)
    {
        var result = passed ? Pass : Fail;
        return new IncidentEvent
        {
            Incident = incident,
            Kind = IncidentEventKinds.Verification,
            At = at,
            By = by,
            Summary = $"{checkpoint} {check.Id}: {result} — {check.Check}" + (note is null ? string.Empty : $" ({note})"),
            Outcome = result,
            Details = new JsonObject
            {
                ["checkpoint"] = checkpoint,
                ["check"] = check.Id,
                ["result"] = result,
                ["note"] = note,
                ["source"] = source,
            },
        };
    }

    /// <summary>A measured check: the attested entry plus the value, the threshold and the baseline it was judged by.</summary>
    public static IncidentEvent Measured(IncidentId incident, string checkpoint, VerificationCheckPolicy check, MetricReading reading, string source, string by, DateTimeOffset at)
    {
        var e = Check(incident, checkpoint, check, reading.Passed, reading.Observation, source, by, at);
        e.Details!["value"] = reading.Value;
        e.Details["threshold"] = reading.Threshold;
        e.Details["baseline"] = reading.Baseline;
        e.Details["query"] = check.Query;
        return e;
    }

    public static IncidentEvent Stable(IncidentId incident, int hours, string by, DateTimeOffset at) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.Stable,
        At = at,
        By = by,
        Summary = $"hotfix declared stable: every check of the {hours}-hour stability window passed",
    };

    public static IncidentEvent PostMortem(IncidentId incident, string status, string? note, string by, DateTimeOffset at) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.PostMortem,
        At = at,
        By = by,
        Summary = $"post-mortem {status}" + (note is null ? string.Empty : $": {note}"),
        Outcome = status,
        Details = new JsonObject { ["status"] = status, ["note"] = note },
    };

    public static IncidentEvent Closed(IncidentId incident, string by, DateTimeOffset at, string? note) => new()
    {
        Incident = incident,
        Kind = IncidentEventKinds.Closed,
        At = at,
        By = by,
        Summary = "incident closed" + (note is null ? string.Empty : $": {note}"),
    };
}
