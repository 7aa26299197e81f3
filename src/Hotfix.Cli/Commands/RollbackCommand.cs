using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Cli.Infrastructure;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Text;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix rollback kind/name -n NS [--to-revision N] [--timeout 120s] --reason "…" [--dry-run]</c>: the runbook's
/// ROLLBACK_PROCEDURE as one guarded, documented step (see <see cref="RollbackProcedure"/>).
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var workloadOptions = new WorkloadOptions();
        var toRevision = new Option<long>("--to-revision")
        {
            Description = "The revision to roll back to (hotfix history lists them); 0, the default, means the previous revision.",
            HelpName = "N",
        };
        toRevision.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0)
            {
                result.AddError($"--to-revision '{result.GetValueOrDefault<long>()}': expected a revision number (0 = previous).");
            }
        });
        var timeout = WorkloadOptions.Timeout("the rollback to roll out");
        var reason = new Option<string?>("--reason")
        {
            Description = "Why you roll back; recorded (required unless --dry-run: \"every rollback must be documented with reason and verification\").",
            HelpName = "TEXT",
        };
        var incident = new Option<string?>("--incident")
        {
            Description = "The incident this rollback belongs to (" + IncidentId.ExpectedForm + "); the record goes to <record-dir>/<incident>.jsonl.",
            HelpName = "INC-YYYY-NNNN",
        };
        incident.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IncidentId.TryParse(value, out _))
            {
                result.AddError($"--incident '{Echo.Of(value)}': expected {IncidentId.ExpectedForm}.");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: read the workload and show what would happen; change nothing." };
        var recordDir = new Option<string?>("--record-dir")
        {
            Description = $"Folder for the rollback record (default: {JsonLinesRollbackRecorder.DefaultFolder} in the repository, else in the current directory).",
            HelpName = "DIR",
        };
        var by = new Option<string?>("--by")
        {
            Description = "Who performs the rollback, for the record (default: HOTFIX_USER, else USER).",
            HelpName = "NAME",
        };

        var command = new Command("rollback", "Guarded, documented Kubernetes rollback (kubectl rollout undo): plan, apply once with a resourceVersion precondition, wait for the rollout, check the pods, record who/when/why/outcome. On failure: no retry, the state, and exit 4 (escalate).")
        {
            toRevision, timeout, reason, incident, dryRun, recordDir, by,
        };
        workloadOptions.AddTo(command);
        CommandExamples.Attach(
            command,
            ("See the plan: revisions, images before and after; change nothing", "hotfix rollback deployment/orders-api -n shop --dry-run"),
            ("Roll back to the previous revision, documented in the incident record", "hotfix rollback deployment/orders-api -n shop --reason \"v3 breaks checkout\" --incident INC-2026-0042"),
            ("Roll back to a given revision (hotfix history lists them)", "hotfix rollback deployment/orders-api -n shop --to-revision 2 --reason \"v3 and v4 break checkout\""));
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = ClusterSession.Open(parse, options, workloadOptions, environment);
            var wait = session.Timeout(parse.GetValue(timeout));
            var revision = parse.GetValue(toRevision);
            var output = new RollbackOutput(environment, session, wait);
            var isDryRun = parse.GetValue(dryRun);
            var incidentId = parse.GetValue(incident) is { } inc ? IncidentId.Parse(inc) : (IncidentId?)null;
            var who = Inputs.ActorOrNull(environment, parse.GetValue(by)) ?? "unknown";
            if (session.Controller is null)
            {
                // Only --dry-run succeeds here: a rollback that was asked for and not done must not read as done.
                output.NoCluster(new RollbackRequest(session.Workload, revision, wait, who, parse.GetValue(reason), incidentId, isDryRun), environment.Time.GetLocalNow());
                return isDryRun ? ExitCodes.Success : ExitCodes.InvalidInput;
            }

            var folder = parse.GetValue(recordDir) is { } dir
                ? environment.Resolve(dir)
                : Path.Combine(session.RepositoryRoot ?? environment.CurrentDirectory, JsonLinesRollbackRecorder.DefaultFolder);
            IReadOnlyList<string> CommandsFor(RollbackRecord r) => r.Plan is null ? [] : KubectlCommands.ForRollback(r.Plan, wait, session.Cluster);
            var recorder = new JsonLinesRollbackRecorder(folder, CommandsFor);

            // With an incident, the rollback is documented in the incident record too (hotfix record INC-… shows it).
            var incidentRecords = incidentId is null ? null : Workspace.RecordStore(environment, session.Policy, session.RepositoryRoot);
            if (!isDryRun)
            {
                try
                {
                    try
                    {
                        recorder.EnsureWritable(incidentId);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new HotfixOperationException($"the rollback record cannot be written to '{recorder.FileFor(incidentId)}' ({e.Message}); choose a writable folder with --record-dir", "nothing was changed: a rollback that cannot be documented is not started", e);
                    }

                    if (incidentId is { } id)
                    {
                        IncidentRecords.CheckWritable(incidentRecords!, id);
                    }
                }
                catch (HotfixOperationException)
                {
                    // Exit 3 is still a rollback that did not happen: the runbook's escalation applies.
                    output.Escalate();
                    throw;
                }
            }

            var request = new RollbackRequest(
                session.Workload,
                revision,
                wait,
                who,
                parse.GetValue(reason),
                incidentId,
                isDryRun)
            {
                Cluster = session.Cluster,
            };
            IRollbackRecorder documented = incidentRecords is null
                ? recorder
                : new IncidentRollbackRecorder(recorder, incidentRecords, r => JsonNode.Parse(RolloutJson.ToJson(w => RolloutJson.WriteRecord(w, r, CommandsFor(r))))!.AsObject());
            var procedure = new RollbackProcedure(session.Controller, isDryRun ? null : documented, environment.Time)
            {
                Planned = output.Plan,
                StatusChanged = output.Progress,
            };
            var record = await procedure.RunAsync(request, cancellationToken).ConfigureAwait(false);
            var notified = !isDryRun && await RollbackNotice.SendAsync(environment, session, record, incidentRecords, cancellationToken).ConfigureAwait(false);
            output.Outcome(record, isDryRun ? null : recorder.FileFor(record), notified);
            if (!isDryRun && incidentRecords is not null && request.Incident is { } documentedIncident)
            {
                environment.Error.WriteLine($"incident record: {incidentRecords.LocationOf(documentedIncident)}");
            }
            return ExitCodeOf(record);
        });
        return command;
    }

    /// <summary>
    /// A rollback that failed before it sent anything is an operation that failed with nothing changed (3); once the
    /// patch was sent, a failure or an unknown outcome is the runbook's escalation (4). Both print ESCALATE.
    /// </summary>
    public static int ExitCodeOf(RollbackRecord record) => record.Outcome!.Result switch
    {
        RollbackResult.Failed when record.Outcome.Attempts == 0 => ExitCodes.OperationFailed,
        RollbackResult.Failed or RollbackResult.Unknown => ExitCodes.Escalate,
        RollbackResult.Refused when record.Plan?.Refusal?.Kind == RollbackRefusalKind.RevisionNotFound => ExitCodes.InvalidInput,
        RollbackResult.Refused => ExitCodes.PolicyFindings,
        _ => ExitCodes.Success,
    };
}
