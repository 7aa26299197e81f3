using System.Text.Json.Nodes;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Records;

/// <summary>
/// A rollback's record line as an incident-record entry, so `hotfix record INC-…` shows rollbacks beside decisions,
/// reviews and verifications ("every rollback must be documented with reason and verification").
/// </summary>
internal static class RollbackEvents
{
    /// <summary>
    /// The entry for <paramref name="record"/>; null when the rollback names no incident (it then stays in the
    /// rollback log only). <paramref name="details"/> is the full rollback record (plan, commands, pods).
    /// </summary>
    public static IncidentEvent? ToIncidentEvent(RollbackRecord record, JsonObject? details)
    {
        if (record.Incident is not { } incident)
        {
            return null;
        }

        var started = record.Phase == IncidentEventPhases.Started;
        return new IncidentEvent
        {
            Incident = incident,
            Kind = IncidentEventKinds.Rollback,
            At = record.When,
            By = record.Who,
            Summary = started
                ? $"rollback of {record.Workload.KindAndName} started ({Revisions(record)})"
                : $"rollback of {record.Workload.KindAndName}: {record.Outcome?.Result.Name()} — {record.Outcome?.Message}",
            Reason = record.Why,
            Phase = record.Phase,
            Outcome = started ? null : record.Outcome?.Result.Name(),
            Verification = started ? [] : Verification(record),
            Ref = record.Id,
            Details = details,
        };
    }

    /// <summary>
    /// What was verified, one line each: the rollout's verdict, the pods, the state the workload was left in, and the
    /// runbook's CHECKs that remain for a person. A rollback that changed nothing says so — that is its verification.
    /// </summary>
    public static IReadOnlyList<string> Verification(RollbackRecord record)
    {
        var lines = VerificationLines(record.Verification);

        if (record.Outcome is { } outcome)
        {
            lines.Add("state: " + outcome.State);
        }

        return lines;
    }

    /// <summary>The rollout's verdict, the pods, and the runbook's CHECKs left to a person — after a rollback or a deploy.</summary>
    internal static List<string> VerificationLines(RollbackVerification? verification)
    {
        var lines = new List<string>();
        if (verification is { } v)
        {
            if (v.Rollout is { } rollout)
            {
                lines.Add($"rollout {rollout.Status.Verdict.Name()}: {rollout.Status.Message}");
            }

            if (v.Pods is { } pods)
            {
                lines.Add($"pods running and ready: {pods.RunningAndReady} of {pods.Expected} ({pods.Selector})");
            }

            lines.AddRange(v.ManualChecks.Select(c => "open (a person must check): " + c));
        }

        return lines;
    }

    private static string Revisions(RollbackRecord record) =>
        record.Plan is { } plan ? $"revision {plan.FromRevision} → {plan.ToRevision}" : "no plan";
}

/// <summary>
/// Documents a rollback in the rollback log and, when it names an incident, in the incident record. The incident
/// entry is validated before anything is written, so an entry the record would refuse stops the rollback before
/// its first change instead of leaving the two logs disagreeing.
/// </summary>
internal sealed class IncidentRollbackRecorder(IRollbackRecorder? log, IIncidentRecordStore incidents, Func<RollbackRecord, JsonObject?> details) : IRollbackRecorder
{
    /// <summary>The rollback log (when the host keeps one) and the incident record.</summary>
    public string Location => log is null ? "the incident record" : $"{log.Location} and the incident record";

    public void Append(RollbackRecord record)
    {
        var entry = RollbackEvents.ToIncidentEvent(record, details(record));
        if (entry is not null)
        {
            var problems = IncidentEventValidator.Check(entry);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"the incident record refuses this rollback entry: {string.Join("; ", problems)}");
            }
        }

        log?.Append(record);
        if (entry is not null)
        {
            incidents.Append(entry);
        }
    }
}
