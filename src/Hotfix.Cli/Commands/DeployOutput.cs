using System.Globalization;
using Hotfix.Cli.Infrastructure;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>What <c>hotfix deploy</c> prints: the plan first, progress while waiting, then the outcome (text or JSON).</summary>
internal sealed class DeployOutput(CliEnvironment environment, ClusterSession session, TimeSpan timeout, IncidentId incident)
{
    private TextWriter ProgressWriter => session.Json ? environment.Error : environment.Out;

    /// <summary>The kubectl commands of the runbook's DEPLOY lines for this workload.</summary>
    public IReadOnlyList<string> Commands(string selector, bool paused = false)
    {
        var w = session.Workload;
        IReadOnlyList<string> deploy = [KubectlCommands.Restart(w, session.Cluster), KubectlCommands.Status(w, timeout, session.Cluster), KubectlCommands.Pods(w, selector, session.Cluster)];

        // kubectl refuses to restart a paused Deployment: the lines only work after a resume.
        return paused ? [KubectlCommands.Resume(w, session.Cluster), .. deploy] : deploy;
    }

    /// <summary>What to do when a deploy failed: decide rollback or forward-fix, and how to roll back.</summary>
    public IReadOnlyList<string> NextSteps() => TeamNotices.AfterFailedDeploy(session.Workload, incident, session.Cluster);

    /// <summary>No cluster at all: the kubectl lines a person would type, and — loudly — that nothing was deployed.</summary>
    public void NoCluster(bool dryRun)
    {
        var state = $"nothing was read or changed: no cluster configured (looked for {Kubernetes.Kubeconfig.SearchDescription})";
        var message = $"NOTHING was deployed: {session.Workload} was not touched";
        var commands = Commands($"app={session.Workload.Name}");
        if (session.Json)
        {
            environment.Out.WriteLine(RolloutJson.ToJson(
                w =>
                {
                    w.WriteStartObject();
                    w.WriteString("mode", "dry-run");
                    w.WriteString("reason", "no cluster configured");
                    w.WriteString("incident", incident.ToString());
                    w.WritePropertyName("workload");
                    RolloutJson.WriteWorkload(w, session.Workload);
                    w.WriteNull("plan");
                    w.WriteStartObject("outcome");
                    w.WriteString("result", DeployEvents.Name(DeployResult.DryRun));
                    w.WriteString("message", message);
                    w.WriteString("state", state);
                    w.WriteNull("failedAt");
                    w.WriteNumber("attempts", 0);
                    w.WriteBoolean("retried", false);
                    w.WriteEndObject();
                    Strings(w, "kubectl", commands);
                    w.WriteBoolean("teamNotified", false);
                    w.WriteEndObject();
                },
                indented: true));
        }
        else
        {
            environment.Out.WriteLine($"Deploy of {session.Workload}: NOTHING was deployed — {state}.");
            environment.Out.WriteLine($"With a cluster configured, hotfix deploy would read the workload, show the plan, restart it once, wait up to {Policy.Text.DurationText.Seconds(timeout)}, check the pods and record the deploy in {incident}. A person would type:");
            TextBlockWriter.Write([new CommandsBlock(commands)], environment.Out);
            environment.Out.WriteLine($"Result: {DeployEvents.Name(DeployResult.DryRun)} — {message}");
        }

        environment.Error.WriteLine(dryRun
            ? $"hotfix: --dry-run without a cluster: NOTHING was deployed; {state}."
            : $"hotfix: error: NOTHING was deployed: {ClusterSession.NoClusterMessage("deploy")} Add --dry-run to only see the kubectl commands.");
    }

    public void Plan(RestartPlan plan)
    {
        if (session.Json)
        {
            return;
        }

        var output = environment.Out;
        output.WriteLine($"Deploy plan for {plan.Workload} ({session.Controller!.Target})");
        var facts = new List<(string, string)>
        {
            ("Incident", incident.ToString()),
            ("Revision", $"{Rev(plan.FromRevision)}  {string.Join(", ", plan.Images.Select(i => i.ToString()))}"),
            ("Restart", $"kubectl.kubernetes.io/restartedAt = {plan.RestartedAt}" + (plan.PreviousRestartedAt is { } previous ? $" (was {previous})" : string.Empty)),
        };
        if (plan.Patch is { } patch)
        {
            facts.Add(("Patch", $"{patch.ContentType}, precondition {patch.Precondition} (a concurrent change makes it fail instead of being overwritten)"));
        }

        facts.Add(("Plan", plan.IsReady ? "ready: new pods replace the old ones (same images)" : "refused: " + plan.Refusal));
        TextBlockWriter.Write([new FactsBlock(facts)], output);
        output.WriteLine(plan.Paused
            ? "  With kubectl (resume first: kubectl refuses to restart a paused Deployment; resuming rolls out its pending changes):"
            : "  The same with kubectl:");
        TextBlockWriter.Write([new CommandsBlock(Commands(plan.Selector, plan.Paused))], output);
    }

    public void Progress(RolloutStatus status) => ProgressWriter.WriteLine("  " + status.Message);

    public void Outcome(DeployRecord record, bool teamNotified)
    {
        var outcome = record.Outcome;
        if (session.Json)
        {
            environment.Out.WriteLine(RolloutJson.ToJson(w => Write(w, record, teamNotified), indented: true));
        }
        else
        {
            var output = environment.Out;
            output.WriteLine($"Result: {DeployEvents.Name(outcome.Result)} — {outcome.Message}");
            output.WriteLine($"State: {outcome.State}");
            if (record.Verification is { } v)
            {
                if (v.Pods is { } pods)
                {
                    StatusCommand.WritePods(output, pods);
                }

                if (outcome.Result == DeployResult.Deployed)
                {
                    output.WriteLine("POST_DEPLOY checks (yours to do):");
                    TextBlockWriter.Write([new ChecklistBlock(v.ManualChecks.Select(c => new ChecklistItem(c)).ToList())], output);
                }
            }
        }

        if (outcome.Escalate)
        {
            environment.Error.WriteLine($"hotfix: error: {outcome.Message}");
            environment.Error.WriteLine($"State: {outcome.State}");
            environment.Error.WriteLine("ESCALATE: the deploy did not complete." + RollbackOutput.Retries(outcome.Attempts) + (session.Policy.People.IncidentCommander is { } commander ? $" Tell the incident commander ({commander}) now." : string.Empty) + " Next steps:");
            foreach (var step in NextSteps())
            {
                environment.Error.WriteLine("  $ " + step);
            }
        }
    }

    private void Write(System.Text.Json.Utf8JsonWriter w, DeployRecord record, bool teamNotified)
    {
        w.WriteStartObject();
        w.WriteString("id", record.Id);
        w.WriteString("incident", record.Incident.ToString());
        w.WriteString("who", record.Who);
        w.WriteString("when", record.When);
        w.WriteString("why", record.Why);
        w.WriteString("target", record.Target);
        w.WritePropertyName("workload");
        RolloutJson.WriteWorkload(w, record.Workload);
        if (record.Plan is { } plan)
        {
            w.WriteStartObject("plan");
            w.WriteString("restartedAt", plan.RestartedAt);
            w.WriteString("previousRestartedAt", plan.PreviousRestartedAt);
            w.WriteString("refusal", plan.Refusal);
            w.WriteString("resourceVersion", plan.ResourceVersion);
            if (plan.FromRevision is { } from)
            {
                w.WriteNumber("fromRevision", from);
            }
            else
            {
                w.WriteNull("fromRevision");
            }

            w.WriteString("patch", plan.Patch?.Body);
            w.WriteString("selector", plan.Selector);
            Strings(w, "kubectl", Commands(plan.Selector, plan.Paused));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("plan");
        }

        w.WriteStartObject("outcome");
        w.WriteString("result", DeployEvents.Name(record.Outcome.Result));
        w.WriteString("message", record.Outcome.Message);
        w.WriteString("state", record.Outcome.State);
        w.WriteString("failedAt", record.Outcome.FailedAt?.ToString().ToLowerInvariant());
        w.WriteNumber("attempts", record.Outcome.Attempts);

        // Only a restart refused for a stale resourceVersion is ever sent again (StalePreconditionRetry).
        w.WriteBoolean("retried", record.Outcome.Attempts > 1);
        w.WriteEndObject();
        if (record.Revision is { } revision)
        {
            w.WriteNumber("revision", revision);
        }
        else
        {
            w.WriteNull("revision");
        }

        w.WriteStartObject("verification");
        if (record.Verification?.Rollout is { } rollout)
        {
            w.WritePropertyName("rollout");
            RolloutJson.WriteWait(w, rollout);
        }

        if (record.Verification?.Pods is { } pods)
        {
            w.WritePropertyName("pods");
            RolloutJson.WritePods(w, pods);
        }

        Strings(w, "manualChecks", record.Verification?.ManualChecks ?? []);
        w.WriteEndObject();
        w.WriteBoolean("teamNotified", teamNotified);
        if (record.Outcome.Escalate)
        {
            Strings(w, "nextSteps", NextSteps());
        }

        w.WriteEndObject();
    }

    private static void Strings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
