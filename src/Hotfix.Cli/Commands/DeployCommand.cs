using System.CommandLine;
using System.Globalization;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix deploy kind/name -n NS --incident INC-… [--reason …] [--timeout 120s] [--dry-run]</c>: the runbook's
/// DEPLOY lines — rollout restart, watch the rollout, verify the pods are running — as one guarded, recorded step
/// (see <see cref="DeployProcedure"/>), and the team is told.
/// </summary>
internal static class DeployCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var workloadOptions = new WorkloadOptions();
        var timeout = WorkloadOptions.Timeout("the restart to roll out");
        var incident = new Option<string?>("--incident")
        {
            Description = "The incident the deploy belongs to (" + IncidentId.ExpectedForm + "; default: the one the checked-out hotfix branch names). Its record gets the deploy, and its stability window starts.",
            HelpName = "INC-YYYY-NNNN",
        };
        var reason = new Option<string?>("--reason") { Description = "Why you deploy, for the record.", HelpName = "TEXT" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: read the workload and show what would happen; change and record nothing." };
        var by = CliOptions.By();

        var command = new Command("deploy", "Deploy to k8s as the runbook's DEPLOY lines (kubectl rollout restart, rollout status --timeout, get pods): plan, restart once with a resourceVersion precondition, wait, check the pods, record the deploy in the incident (the stability window starts), tell the team. On failure: no retry, the state, the next steps and exit 4.")
        {
            incident, reason, timeout, dryRun, by,
        };
        workloadOptions.AddTo(command);
        CommandExamples.Attach(
            command,
            ("See the plan: what the restart changes; change nothing", "hotfix deploy deployment/orders-api -n shop --dry-run"),
            ("Deploy the hotfix: restart, watch, check the pods, record it", "hotfix deploy deployment/orders-api -n shop --incident INC-2026-0042 --reason \"fix for checkout\""),
            ("A StatefulSet, waiting at most five minutes", "hotfix deploy statefulset/ledger -n shop --timeout 5m"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = ClusterSession.Open(parse, options, workloadOptions, environment);
            var incidentId = CurrentIncident.Resolve(environment, parse.GetValue(incident), "--incident", parse.GetValue(options.Repo), session.Policy)
                ?? throw new HotfixInputException($"--incident: missing, and the checked-out branch is not a hotfix branch; expected --incident {IncidentId.ExpectedForm} (the deploy is recorded in that incident's record).");
            var wait = session.Timeout(parse.GetValue(timeout));
            var output = new DeployOutput(environment, session, wait, incidentId);
            var isDryRun = parse.GetValue(dryRun);
            if (session.Controller is null)
            {
                // Only --dry-run succeeds here: a deploy that was asked for and not done must not read as done.
                output.NoCluster(isDryRun);
                return isDryRun ? ExitCodes.Success : ExitCodes.InvalidInput;
            }

            var who = Inputs.Actor(environment, parse.GetValue(by));
            var records = Workspace.RecordStore(environment, session.Policy, session.RepositoryRoot);
            if (!isDryRun)
            {
                IncidentRecords.CheckWritable(records, incidentId);
            }

            var request = new DeployRequest(session.Workload, wait, who, parse.GetValue(reason), incidentId, isDryRun) { Cluster = session.Cluster };
            var procedure = new DeployProcedure(session.Controller, session.Controller, isDryRun ? null : records, session.Policy, environment.Time)
            {
                Planned = output.Plan,
                StatusChanged = output.Progress,
            };
            var record = await procedure.RunAsync(request, cancellationToken).ConfigureAwait(false);

            var notified = false;
            if (!isDryRun)
            {
                notified = (await TeamNotifications.SendAsync(environment, session.Policy, TeamNotices.ForDeploy(record, session.Policy, session.Cluster), records, cancellationToken).ConfigureAwait(false)).Notified;
            }

            output.Outcome(record, notified);
            if (!isDryRun)
            {
                environment.Error.WriteLine($"incident record: {records.LocationOf(incidentId)}");
            }

            return ExitCodeOf(record);
        });
        return command;
    }

    /// <summary>As rollback: failed before any write is 3, after the write (or unknown) 4, refused 1.</summary>
    public static int ExitCodeOf(DeployRecord record) => record.Outcome.Result switch
    {
        DeployResult.Failed when record.Outcome.Attempts == 0 => ExitCodes.OperationFailed,
        DeployResult.Failed or DeployResult.Unknown => ExitCodes.Escalate,
        DeployResult.Refused => ExitCodes.PolicyFindings,
        _ => ExitCodes.Success,
    };
}
