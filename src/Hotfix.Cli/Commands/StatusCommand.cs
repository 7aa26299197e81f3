using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix status kind/name -n NS [--timeout 120s]</c>: <c>kubectl rollout status</c> with a typed verdict and its
/// own exit code, then the pods (<c>kubectl get pods -l …</c>) — the DEPLOY checklist's "Watch rollout" and
/// "Verify pods are running".
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var workloadOptions = new WorkloadOptions();
        var timeout = WorkloadOptions.Timeout("the rollout to finish");
        var noWait = new Option<bool>("--no-wait") { Description = "Report the current status once instead of waiting (kubectl --watch=false)." };
        var command = new Command("status", "Watch a rollout until it is complete, exceeds its progress deadline, is paused or deleted, or --timeout ends; then list the pods. Exit code per verdict.")
        {
            timeout, noWait,
        };
        workloadOptions.AddTo(command);
        CommandExamples.Attach(
            command,
            ("Wait for a rollout, at most two minutes", "hotfix status deployment/orders-api -n shop --timeout 120s"),
            ("Report once, do not wait", "hotfix status deployment/orders-api -n shop --no-wait"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = ClusterSession.Open(parse, options, workloadOptions, environment);
            var controller = session.RequireCluster("status");
            var wait = !parse.GetValue(noWait);
            var progress = session.Json ? environment.Error : environment.Out;
            var limit = session.Timeout(parse.GetValue(timeout));

            // --timeout bounds the whole command as it bounds a rollback: the pod check after a long wait gets the
            // same small grace, not a full --request-timeout of its own.
            using var deadline = new CancellationTokenSource(limit + RollbackProcedure.PodCheckGrace, environment.Time);
            using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var noAnswer = $"the API server did not answer within the --timeout of {Policy.Text.DurationText.Seconds(limit)}";
            var result = await KubernetesCalls.Run(
                () => controller.WaitForRolloutAsync(session.Workload, limit, wait, s => progress.WriteLine(s.Message), overall.Token),
                session.Workload,
                "watching the rollout",
                noAnswer,
                cancellationToken).ConfigureAwait(false);
            PodSummary? pods = null;
            if (result.Status.Verdict is not RolloutVerdict.Deleted)
            {
                pods = await KubernetesCalls.Run(() => controller.ListPodsAsync(session.Workload, overall.Token), session.Workload, "listing the pods", noAnswer, cancellationToken).ConfigureAwait(false);
            }

            var exitCode = ExitCodeOf(result.Status.Verdict, pods);

            if (session.Json)
            {
                environment.Out.WriteLine(RolloutJson.ToJson(
                    w =>
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("workload");
                        RolloutJson.WriteWorkload(w, session.Workload);
                        w.WriteString("cluster", controller.Target);
                        w.WritePropertyName("rollout");
                        RolloutJson.WriteWait(w, result);
                        w.WritePropertyName("pods");
                        if (pods is null)
                        {
                            w.WriteNullValue();
                        }
                        else
                        {
                            RolloutJson.WritePods(w, pods);
                        }

                        w.WriteNumber("exitCode", exitCode);
                        w.WriteEndObject();
                    },
                    indented: true));
            }
            else
            {
                environment.Out.WriteLine($"verdict: {result.Status.Verdict.Name()} — {result.Status.Message}");
                if (result.WatchResumes > 0 || result.FellBackToPolling)
                {
                    environment.Out.WriteLine($"(watch resumed {result.WatchResumes} time(s){(result.FellBackToPolling ? "; fell back to polling" : string.Empty)})");
                }

                if (pods is not null)
                {
                    WritePods(environment.Out, pods);
                }

                if (exitCode == ExitCodes.PodsNotReady)
                {
                    environment.Out.WriteLine($"NOT HEALTHY: the rollout is complete but {pods!.Describe()} (exit {ExitCodes.PodsNotReady}).");
                }

                if (NextSteps.AfterStatus(result.Status.Verdict, session.Workload, session.Cluster) is { } steps)
                {
                    environment.Out.WriteLine("Next steps:");
                    foreach (var step in steps)
                    {
                        environment.Out.WriteLine("  - " + step);
                    }
                }
            }

            return exitCode;
        });
        return command;
    }

    /// <summary>
    /// The verdict's code; a complete rollout whose pods are not all running and ready is not a success ("Verify pods
    /// are running" failed), with its own code so it is not mistaken for a rollout that did not finish.
    /// </summary>
    public static int ExitCodeOf(RolloutVerdict verdict, PodSummary? pods) =>
        verdict == RolloutVerdict.Complete && pods is { IsHealthy: false } ? ExitCodes.PodsNotReady : ExitCodeOf(verdict);

    public static int ExitCodeOf(RolloutVerdict verdict) => verdict switch
    {
        RolloutVerdict.Complete => ExitCodes.Success,
        RolloutVerdict.Progressing => ExitCodes.RolloutProgressing,
        RolloutVerdict.TimedOut => ExitCodes.RolloutTimedOut,
        RolloutVerdict.DeadlineExceeded => ExitCodes.RolloutDeadlineExceeded,
        RolloutVerdict.Paused => ExitCodes.RolloutPaused,
        RolloutVerdict.Deleted => ExitCodes.RolloutDeleted,
        _ => ExitCodes.RolloutUnsupported,
    };

    internal static void WritePods(TextWriter output, PodSummary pods)
    {
        output.WriteLine($"pods (-l {pods.Selector}): {pods.Describe()}");
        if (pods.Pods.Count > 0)
        {
            TextBlockWriter.Write(
                [new TableBlock(["NAME", "PHASE", "READY", "RESTARTS", "REASON"], pods.Pods.Select(p => (IReadOnlyList<string>)[p.Name + (p.Terminating ? " (terminating)" : string.Empty), p.Phase, p.Ready ? "yes" : "no", p.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Reason ?? string.Empty]).ToList())],
                output);
        }
    }
}
