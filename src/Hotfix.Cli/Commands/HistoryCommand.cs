using System.CommandLine;
using System.Globalization;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix history kind/name -n NS</c>: <c>kubectl rollout history</c>, with images and the object behind each revision.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var workloadOptions = new WorkloadOptions();
        var command = new Command("history", "Rollout history of a deployment, statefulset or daemonset (kubectl rollout history), with images and the ReplicaSet or ControllerRevision behind each revision.");
        workloadOptions.AddTo(command);
        CommandExamples.Attach(
            command,
            ("The revisions with their images", "hotfix history deployment/orders-api -n shop"),
            ("As JSON, as with kubectl", "hotfix history statefulset/db -n shop -o json"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = ClusterSession.Open(parse, options, workloadOptions, environment);
            var controller = session.RequireCluster("history");
            var history = await KubernetesCalls.Run(() => controller.GetHistoryAsync(session.Workload, cancellationToken), session.Workload, "reading the history").ConfigureAwait(false);
            if (session.Json)
            {
                environment.Out.WriteLine(RolloutJson.ToJson(w => RolloutJson.WriteHistory(w, history), indented: true));
                return ExitCodes.Success;
            }

            foreach (var warning in history.Warnings)
            {
                environment.Error.WriteLine($"hotfix: warning: {warning}");
            }

            environment.Out.WriteLine($"{session.Workload} ({controller.Target})");
            if (history.Revisions.Count == 0)
            {
                environment.Out.WriteLine(RolloutHistory.NoHistoryMessage);
                return ExitCodes.Success;
            }

            var rows = history.Revisions.Select(r => (IReadOnlyList<string>)
            [
                r.Revision.ToString(CultureInfo.InvariantCulture) + (r.IsCurrent ? " (current)" : string.Empty),
                r.ChangeCause ?? "<none>",
                string.Join(", ", r.Images.Select(i => i.ToString())),
                r.Source,
            ]);
            TextBlockWriter.Write([new TableBlock(["REVISION", "CHANGE-CAUSE", "IMAGES", session.Workload.Kind == WorkloadKind.Deployment ? "REPLICASET" : "CONTROLLERREVISION"], rows.ToList())], environment.Out, string.Empty);
            environment.Out.WriteLine();
            environment.Out.WriteLine($"Roll back to the previous revision: hotfix rollback {session.Cluster.Target(session.Workload)} --reason \"…\"  (or --to-revision N)");
            return ExitCodes.Success;
        });
        return command;
    }
}
