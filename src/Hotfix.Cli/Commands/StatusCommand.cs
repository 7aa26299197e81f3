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
            var result = await KubernetesCalls.Run(
                () => controller.WaitForRolloutAsync(session.Workload, session.Timeout(parse.GetValue(timeout)), wait, s => progress.WriteLine(s.Message), cancellationToken),
                session.Workload,
                "watching the rollout").ConfigureAwait(false);
            PodSummary? pods = null;
            if (result.Status.Verdict is not RolloutVerdict.Deleted)
            {
                pods = await KubernetesCalls.Run(() => controller.ListPodsAsync(session.Workload, cancellationToken), session.Workload, "listing the pods").ConfigureAwait(false);
            }

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

                        w.WriteNumber("exitCode", ExitCodeOf(result.Status.Verdict));
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

                if (NextSteps.AfterStatus(result.Status.Verdict, session.Workload) is { } steps)
                {
                    environment.Out.WriteLine("Next steps:");
                    foreach (var step in steps)
                    {
                        environment.Out.WriteLine("  - " + step);
                    }
                }
            }

            return ExitCodeOf(result.Status.Verdict);
        });
        return command;
    }

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
