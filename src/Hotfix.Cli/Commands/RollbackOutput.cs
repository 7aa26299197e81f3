using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Cli.Infrastructure;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workloads;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Commands;

/// <summary>What <c>hotfix rollback</c> prints: the plan first, progress while waiting, then the outcome (text or JSON).</summary>
internal sealed class RollbackOutput(CliEnvironment environment, ClusterSession session, TimeSpan timeout)
{
    /// <summary>Progress goes to stdout with text, to stderr with JSON (stdout is the document).</summary>
    private TextWriter ProgressWriter => session.Json ? environment.Error : environment.Out;

    /// <summary>
    /// No cluster at all: the kubectl lines a person would type, and — loudly, in text and JSON — that nothing was
    /// rolled back. The JSON is the documented dry-run object (<c>"phase": "planned"</c>, no plan: nothing was read).
    /// </summary>
    public void NoCluster(RollbackRequest request, DateTimeOffset now)
    {
        var w = session.Workload;
        var revision = request.ToRevision;
        var commands = new[]
        {
            KubectlCommands.History(w, session.Cluster),
            KubectlCommands.Undo(w, revision, session.Cluster),
            KubectlCommands.Status(w, timeout, session.Cluster),
        };
        var state = $"nothing was read or changed: no cluster configured (looked for {Kubernetes.Kubeconfig.SearchDescription})";
        var outcome = new RollbackOutcome(RollbackResult.DryRun, $"NOTHING was rolled back: {w} was not touched", state);
        if (session.Json)
        {
            var id = $"rollback-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{w.Kind.Name()}-{w.Name}";
            var record = new RollbackRecord(id, "planned", request.Incident, request.Who, now, request.Why, "no cluster configured", w, null, outcome, null);
            var json = JsonNode.Parse(RolloutJson.ToJson(writer => RolloutJson.WriteRecord(writer, record, [])))!.AsObject();
            json["requestedRevision"] = revision;
            json["kubectl"] = new JsonArray(commands.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
            json["teamNotified"] = false;
            environment.Out.WriteLine(RolloutJson.ToJson(writer => json.WriteTo(writer), indented: true));
        }
        else
        {
            environment.Out.WriteLine($"Rollback of {w}: NOTHING was rolled back — {state}.");
            environment.Out.WriteLine($"With a cluster configured, hotfix rollback would read the history, show the plan (revision {(revision > 0 ? revision.ToString(CultureInfo.InvariantCulture) : "previous")}, images before and after), apply it once, wait up to {DurationText.Seconds(timeout)} and check the pods. A person would type:");
            TextBlockWriter.Write([new CommandsBlock(commands)], environment.Out);
            environment.Out.WriteLine($"Result: {outcome.Result.Name()} — {outcome.Message}");
        }

        environment.Error.WriteLine(request.DryRun
            ? $"hotfix: --dry-run without a cluster: NOTHING was rolled back; {state}."
            : $"hotfix: error: NOTHING was rolled back: {ClusterSession.NoClusterMessage("rollback")} Add --dry-run to only see the kubectl commands.");
    }

    /// <summary>The plan, before anything is written.</summary>
    public void Plan(RollbackPlan plan)
    {
        if (session.Json)
        {
            return;
        }

        var w = plan.Workload;
        var output = environment.Out;
        output.WriteLine($"Rollback plan for {w} ({session.Controller!.Target})");
        var facts = new List<(string, string)>
        {
            ("From revision", $"{Rev(plan.FromRevision)}  {Images(plan.ImagesBefore)}"),
        };
        if (plan.ToRevision is not null)
        {
            facts.Add(("To revision", $"{Rev(plan.ToRevision)}  {Images(plan.ImagesAfter)}  ({(w.Kind == WorkloadKind.Deployment ? "ReplicaSet" : "ControllerRevision")} {plan.TargetName})"));
        }

        if (plan.RestoredAsRevision is { } restored && restored != plan.ToRevision)
        {
            facts.Add(("Renumbered", $"Kubernetes will list the restored revision {Rev(plan.ToRevision)} as revision {Rev(restored)}"));
        }

        if (plan.ChangeCauseBefore is not null || plan.ChangeCauseAfter is not null)
        {
            facts.Add(("Change cause", $"{plan.ChangeCauseBefore ?? "<none>"} → {plan.ChangeCauseAfter ?? "<none>"}"));
        }

        if (plan.Patch is { } patch)
        {
            facts.Add(("Patch", $"{patch.ContentType}, precondition {patch.Precondition} (a concurrent change makes it fail instead of being overwritten)"));
        }

        facts.Add(("Plan", plan.Status switch
        {
            RollbackPlanStatus.Ready => plan.ChangesImages ? "ready: the images change as shown" : "ready: the pod template changes (the images stay the same)",
            RollbackPlanStatus.AlreadyAtTarget => plan.SkipMessage!,
            _ => "refused: " + plan.Refusal!.Message,
        }));
        TextBlockWriter.Write([new FactsBlock(facts)], output);
        foreach (var warning in plan.Warnings)
        {
            environment.Error.WriteLine($"hotfix: warning: {warning}");
        }

        output.WriteLine(plan.Refusal?.Kind switch
        {
            RollbackRefusalKind.Paused => "  With kubectl (resume first: kubectl refuses to undo a paused Deployment; resuming rolls out its pending changes):",
            RollbackRefusalKind.RevisionNotFound or RollbackRefusalKind.NoHistory => $"  The revisions there are (or: hotfix history {session.Cluster.Target(w)}):",
            _ => "  The same with kubectl:",
        });
        TextBlockWriter.Write([new CommandsBlock(KubectlCommands.ForRollback(plan, timeout, session.Cluster))], output);
    }

    public void Progress(RolloutStatus status) => ProgressWriter.WriteLine("  " + status.Message);

    public void Outcome(RollbackRecord record, string? recordFile, bool teamNotified = false)
    {
        var outcome = record.Outcome!;
        if (session.Json)
        {
            // The record file's object plus whether the team was told: known only after the record was written.
            var json = JsonNode.Parse(RolloutJson.ToJson(w => RolloutJson.WriteRecord(w, record, record.Plan is null ? [] : KubectlCommands.ForRollback(record.Plan, timeout, session.Cluster))))!.AsObject();
            json["teamNotified"] = teamNotified;
            environment.Out.WriteLine(RolloutJson.ToJson(w => json.WriteTo(w), indented: true));
        }
        else
        {
            var output = environment.Out;
            output.WriteLine($"Result: {outcome.Result.Name()} — {outcome.Message}");
            output.WriteLine($"State: {outcome.State}");
            if (record.Verification is { } v)
            {
                if (v.Pods is { } pods)
                {
                    StatusCommand.WritePods(output, pods);
                }

                if (!outcome.Escalate)
                {
                    output.WriteLine("Runbook checks after rollback (yours to do):");
                    TextBlockWriter.Write([new ChecklistBlock(v.ManualChecks.Select(c => RollbackNotice.IsNotifyCheck(c) && teamNotified ? new ChecklistItem(c, Done: true, Note: "hotfix notified the team (webhooks); the incident record notes it") : new ChecklistItem(c)).ToList())], output);
                }
            }

            if (outcome.Escalate)
            {
                output.WriteLine("Escalation — what to do now:");
                TextBlockWriter.Write([new ChecklistBlock(NextSteps.AfterFailedRollback(session.Workload, session.Policy, record.Incident?.ToString(), session.Cluster).Select(c => new ChecklistItem(c)).ToList())], output);
            }
        }

        if (outcome.Escalate)
        {
            environment.Error.WriteLine($"hotfix: error: {outcome.Message}");
            environment.Error.WriteLine($"State: {outcome.State}");
            Escalate(outcome.Attempts);
        }

        if (recordFile is not null && outcome.Result is not RollbackResult.DryRun)
        {
            environment.Error.WriteLine($"hotfix: rollback documented in {recordFile} (id {record.Id})");
        }
    }

    /// <summary>The runbook's ESCALATE line, for every rollback that did not happen or did not finish.</summary>
    public void Escalate(int writes = 1) =>
        environment.Error.WriteLine($"ESCALATE: {RollbackOutcome.EscalationMessage}." + (session.Policy.People.IncidentCommander is { } commander ? $" Tell the incident commander ({commander}) now." : string.Empty) + Retries(writes));

    /// <summary>What hotfix retried: nothing, or only the patch whose precondition status or scaler writes had made stale.</summary>
    internal static string Retries(int writes) => writes > 1
        ? $" hotfix sent the patch {writes} times only because status writes (or an autoscaler's spec.replicas) had made its resourceVersion precondition stale (nothing the plan depends on changed); it retried nothing else."
        : " hotfix did not retry.";

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Images(IReadOnlyList<ContainerImage> images) => images.Count == 0 ? string.Empty : string.Join(", ", images.Select(i => i.ToString()));
}
