using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// What to do after a rollback failed or a rollout did not finish: commands filled in with the workload, namespace
/// and incident, so each line can be pasted. A failed rollback gets the runbook's escalation ("escalate immediately —
/// do not retry blindly"), never the checks that only make sense after a rollback that worked.
/// </summary>
internal static class NextSteps
{
    public static IReadOnlyList<string> AfterFailedRollback(WorkloadRef workload, HotfixPolicy policy, string? incident, ClusterFlags cluster)
    {
        var commander = policy.People.IncidentCommander is { } name ? $"the incident commander ({name})" : "the incident commander";
        var target = cluster.Target(workload);
        var flag = cluster.Flags;
        var steps = new List<string>
        {
            $"Escalate now: tell {commander} that the rollback of {workload} failed, with the state above. Do not retry blindly.",
            $"See where the rollout stands: hotfix status {target} --no-wait",
            $"See the revisions and their images: hotfix history {target}",
            $"See what the cluster says: kubectl describe {target}; kubectl get events -n {workload.Namespace} --sort-by=.lastTimestamp{flag}",
        };
        steps.Add(incident is null
            ? "Document what you find: hotfix record INC-… --note \"…\" once the incident has a record"
            : $"Document what you find: hotfix record {incident} --note \"…\"");
        return steps;
    }

    /// <summary>Null when the rollout finished (nothing to do); else what to look at and decide next.</summary>
    public static IReadOnlyList<string>? AfterStatus(RolloutVerdict verdict, WorkloadRef workload, ClusterFlags cluster)
    {
        var target = cluster.Target(workload);
        var flag = cluster.Flags;
        return verdict switch
        {
            RolloutVerdict.Complete => null,
            RolloutVerdict.Deleted => [$"The workload is gone: check who deleted it (kubectl get events -n {workload.Namespace}{flag}) and redeploy it."],
            RolloutVerdict.Paused => [$"The rollout is paused: resume it if that was not intended (kubectl rollout resume {target}), or roll back: hotfix rollback {target} --reason \"…\""],
            RolloutVerdict.Progressing => [$"Still rolling out: wait for it with hotfix status {target} --timeout 120s"],
            _ =>
            [
                $"See the revisions and their images: hotfix history {target}",
                "Rollback or forward-fix? hotfix decide --root-cause known|unknown --impact ongoing|contained",
                $"Roll back to the previous revision (plan first): hotfix rollback {target} --dry-run, then without --dry-run and with --reason \"…\"",
            ],
        };
    }
}
