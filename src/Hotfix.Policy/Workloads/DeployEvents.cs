using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;
using Hotfix.Policy.Verification;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// A deploy's entries in the incident record: <c>deploy</c> (started) before the one write; then <c>deployed</c>
/// — the same entry <c>hotfix verify --deployed</c> writes, so the stability window starts — or a finished
/// <c>deploy</c> entry saying how it failed and what state the workload is in.
/// </summary>
internal static class DeployEvents
{
    public static IncidentEvent Started(DeployRequest request, RestartPlan plan, string id, DateTimeOffset at) => new()
    {
        Incident = request.Incident,
        Kind = IncidentEventKinds.Deploy,
        At = at,
        By = request.Who,
        Summary = $"deploy of {request.Workload} started (rollout restart from revision {Rev(plan.FromRevision)})",
        Reason = request.Why,
        Phase = IncidentEventPhases.Started,
        Ref = id,
        Details = Details(request.Workload, plan, null),
    };

    public static IncidentEvent Finished(DeployRecord record, HotfixPolicy policy)
    {
        var details = Details(record.Workload, record.Plan, record.Revision);
        details["target"] = record.Target;
        details["state"] = record.Outcome.State;
        if (record.Outcome.Result == DeployResult.Deployed)
        {
            var deployed = StabilityEvents.Deployed(record.Incident, policy, record.Who, record.When, null);
            details["windowHours"] = policy.StabilityWindow.Hours;
            return deployed with
            {
                Summary = $"{record.Workload} deployed (revision {Rev(record.Revision)}); " + deployed.Summary,
                Reason = record.Why,
                Phase = IncidentEventPhases.Finished,
                Outcome = "deployed",
                Verification = Verification(record),
                Ref = record.Id,
                Details = details,
            };
        }

        return new IncidentEvent
        {
            Incident = record.Incident,
            Kind = IncidentEventKinds.Deploy,
            At = record.When,
            By = record.Who,
            Summary = $"deploy of {record.Workload}: {Name(record.Outcome.Result)} — {record.Outcome.Message}",
            Reason = record.Why,
            Phase = IncidentEventPhases.Finished,
            Outcome = Name(record.Outcome.Result),
            Verification = Verification(record),
            Ref = record.Id,
            Details = details,
        };
    }

    public static string Name(DeployResult result) => result switch
    {
        DeployResult.DryRun => "dry-run",
        DeployResult.Refused => "refused",
        DeployResult.Deployed => "deployed",
        DeployResult.Unknown => "unknown",
        _ => "failed",
    };

    private static IReadOnlyList<string> Verification(DeployRecord record)
    {
        var lines = RollbackEvents.VerificationLines(record.Verification);

        lines.Add("state: " + record.Outcome.State);
        return lines;
    }

    private static JsonObject Details(WorkloadRef workload, RestartPlan? plan, long? revision) => new()
    {
        ["workload"] = workload.KindAndName,
        ["namespace"] = workload.Namespace,
        ["fromRevision"] = plan?.FromRevision,
        ["revision"] = revision,
        ["restartedAt"] = plan?.RestartedAt,
        ["resourceVersion"] = plan?.ResourceVersion,
    };

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
