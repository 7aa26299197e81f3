using System.Globalization;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Text;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The runbook's DEPLOY steps as one guarded step, with the rollback's discipline: plan (read only), document,
/// "Deploy to k8s: kubectl rollout restart" once with a resourceVersion precondition, "Watch rollout … --timeout",
/// "Verify pods are running", document the outcome. Nothing is retried (but a restart refused only because status
/// writes moved the resourceVersion is planned again and resent while the spec stays the same, see
/// <see cref="StalePreconditionRetry{TPlan}"/>); a failure says what state the workload is in
/// and the caller points at decide and rollback. A deploy that reached production is recorded as <c>deployed</c>, so
/// the 24-hour stability window starts with it.
/// </summary>
internal sealed class DeployProcedure(IWorkloadController controller, IWorkloadRestarter restarter, IIncidentRecordStore? records, HotfixPolicy policy, TimeProvider time)
{
    /// <summary>Called once the plan is known (before anything is written), so a person sees it first.</summary>
    public Action<RestartPlan>? Planned { get; init; }

    /// <summary>Called with each rollout status while waiting.</summary>
    public Action<RolloutStatus>? StatusChanged { get; init; }

    /// <summary>The open item of a deploy that failed: escalate and decide; the POST_DEPLOY checks are for a deploy that worked.</summary>
    internal static IReadOnlyList<string> FailedChecks { get; } =
    [
        "escalate: the deploy did not complete — tell the incident commander and decide rollback or fix forward, with the state recorded here; do not retry blindly",
    ];

    /// <summary>POST_DEPLOY's checks the tool cannot do; recorded as open.</summary>
    public static IReadOnlyList<string> ManualChecks(HotfixPolicy policy) =>
    [
        "verify fix resolves the incident (test from client perspective)",
        $"monitor error rates for {policy.Deployment.MonitorMinutes} minutes",
        $"monitor performance metrics for {policy.Deployment.MonitorMinutes} minutes",
    ];

    public async Task<DeployRecord> RunAsync(DeployRequest request, CancellationToken cancellationToken)
    {
        var w = request.Workload;
        var started = time.GetLocalNow();
        var id = $"deploy-{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{w.Kind.Name()}-{w.Name}";
        DeployRecord Record(RestartPlan? plan, DeployOutcome outcome, RollbackVerification? verification, long? revision) =>
            new(id, request.Incident, request.Who, time.GetLocalNow(), request.Why, controller.Target, w, plan, outcome, verification, revision);

        if (!request.DryRun && records?.Read(request.Incident).OfKind(IncidentEventKinds.Closed).LastOrDefault() is { } closed)
        {
            return Record(null, new DeployOutcome(DeployResult.Refused, $"{request.Incident} was closed at {closed.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}; a new deploy needs a new incident", $"nothing was changed: {w.KindAndName} was not read or restarted"), null, null);
        }

        var begun = time.GetTimestamp();
        TimeSpan Left() => request.Timeout - time.GetElapsedTime(begun);
        using var deadline = new CancellationTokenSource(request.Timeout + RollbackProcedure.PodCheckGrace, time);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        bool OutOfTime() => !cancellationToken.IsCancellationRequested;
        var noAnswer = $"the API server did not answer within the --timeout of {DurationText.Seconds(request.Timeout)}";
        const string nothingSent = "nothing was changed: the deploy stopped while reading the workload, before any write";

        RestartPlan plan;
        try
        {
            plan = await WithinTimeout(Left(), ct => restarter.PlanRestartAsync(w, started, ct), overall.Token).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.Kind == ApiFailureKind.NotFound)
        {
            throw new HotfixInputException($"{w.KindAndName}: not found in namespace '{w.Namespace}' ({controller.Target}); expected an existing workload (kubectl get {w.Kind.Resource()} -n {w.Namespace}{request.Cluster.Flags}). Nothing was changed.");
        }
        catch (KubernetesApiException e)
        {
            return Finish(null, Failed(RollbackStage.Plan, $"reading {w.KindAndName} failed: {e.Message}", nothingSent, 0), null, null);
        }
        catch (OperationCanceledException) when (OutOfTime())
        {
            return Finish(null, Failed(RollbackStage.Plan, $"reading {w.KindAndName} failed: {noAnswer}", nothingSent, 0), null, null);
        }

        Planned?.Invoke(plan);
        if (!plan.IsReady)
        {
            return Finish(plan, new DeployOutcome(DeployResult.Refused, plan.Refusal!, $"nothing was changed: {w.KindAndName} stays at revision {Rev(plan.FromRevision)}"), null, null);
        }

        if (request.DryRun)
        {
            return Record(plan, new DeployOutcome(DeployResult.DryRun, "dry run: the plan above was not applied", $"nothing was changed: {w.KindAndName} stays at revision {Rev(plan.FromRevision)}"), null, null);
        }

        try
        {
            records?.Record(DeployEvents.Started(request, plan, id, time.GetLocalNow()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HotfixOperationException)
        {
            return Record(plan, Failed(RollbackStage.Record, $"the deploy cannot be recorded in {records!.LocationOf(request.Incident)}: {e.Message}", "nothing was changed: a deploy that cannot be recorded is not started", 0), null, null);
        }

        var unknown = $"unknown: the restart was sent and may or may not have been applied. Find out with 'hotfix status {request.Cluster.Target(w)}' (or kubectl rollout history) before doing anything";
        var retry = new StalePreconditionRetry<RestartPlan>(plan);
        string? changed;
        try
        {
            // Planned again at the same instant, the restart stamps the same restartedAt the person saw.
            changed = await retry.RunAsync(
                p => WithinTimeout(Left(), async ct =>
                {
                    await restarter.ApplyRestartAsync(p, ct).ConfigureAwait(false);
                    return true;
                }, overall.Token),
                () => WithinTimeout(Left(), ct => restarter.PlanRestartAsync(w, started, ct), overall.Token),
                PlanChanges.Between,
                (first, last, writes) => PlanChanges.KeptChanging(writes, first.Generation, last.Generation)).ConfigureAwait(false);
        }
        catch (Exception e) when (retry.Rereading && (e is KubernetesApiException || (e is OperationCanceledException && OutOfTime())))
        {
            var why = e is KubernetesApiException ? e.Message : noAnswer;
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"reading {w.KindAndName} again after its restart was refused ({retry.LastConflict!.Message}) failed: {why}", $"nothing was changed: every restart sent was refused; {w.KindAndName} stays at revision {Rev(plan.FromRevision)}", retry.Writes), null, null);
        }
        catch (KubernetesApiException e) when (e.WriteOutcomeUnknown)
        {
            return Finish(retry.Plan, new DeployOutcome(DeployResult.Unknown, $"restarting failed: {e.Message}", unknown, RollbackStage.Apply, retry.Writes), null, null);
        }
        catch (KubernetesApiException e)
        {
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"restarting failed: {e.Message}", $"nothing was changed: the API server rejected the restart; {w.KindAndName} stays at revision {Rev(plan.FromRevision)}", retry.Writes), null, null);
        }
        catch (OperationCanceledException) when (OutOfTime())
        {
            return Finish(retry.Plan, new DeployOutcome(DeployResult.Unknown, $"restarting failed: {noAnswer}", unknown, RollbackStage.Apply, retry.Writes), null, null);
        }

        if (changed is not null)
        {
            var state = retry.KeptChanging
                ? $"nothing was changed: {w.KindAndName}: {changed}, so each was refused. Rerun the deploy; if this repeats, find out what keeps writing to it (kubectl get {request.Cluster.Target(w)} -w)"
                : $"nothing was changed: {w.KindAndName} was modified after the plan was read ({changed}), so the restart was refused. Someone else may be deploying: find out who before doing anything";
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"restarting failed: {retry.LastConflict!.Message}", state, retry.Writes), null, null);
        }

        plan = retry.Plan;
        var patched = $"{w.KindAndName} was restarted (restartedAt {plan.RestartedAt})";
        RolloutWaitResult wait;
        try
        {
            var left = Left();
            wait = await controller.WaitForRolloutAsync(w, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), wait: true, StatusChanged, overall.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException || (e is OperationCanceledException && OutOfTime()))
        {
            var why = e is KubernetesApiException ? e.Message : noAnswer;
            return Finish(plan, Failed(RollbackStage.Status, $"watching the rollout failed: {why}", $"{patched}; whether it rolled out is unknown", retry.Writes), null, null);
        }

        var checks = ManualChecks(policy);
        if (!wait.Status.IsDone)
        {
            var state = wait.Status.Verdict switch
            {
                RolloutVerdict.TimedOut => $"{patched}, but the rollout did not finish within {DurationText.Seconds(request.Timeout)}: {wait.Status.Message}",
                RolloutVerdict.DeadlineExceeded => $"{patched}, but the controller reports ProgressDeadlineExceeded: the new pods are not becoming available",
                RolloutVerdict.Deleted => $"{w.KindAndName} was deleted during the rollout",
                _ => $"{patched}, but the rollout cannot finish: {wait.Status.Message}",
            };
            return Finish(plan, Failed(RollbackStage.Status, $"the rollout did not complete ({wait.Status.Verdict.Name()}): {wait.Status.Message}", state, retry.Writes), new RollbackVerification(wait, null, FailedChecks), wait.Revision);
        }

        PodSummary pods;
        try
        {
            pods = await controller.ListPodsAsync(w, overall.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException || (e is OperationCanceledException && OutOfTime()))
        {
            var why = e is KubernetesApiException ? e.Message : noAnswer;
            return Finish(plan, Failed(RollbackStage.Pods, $"listing the pods failed: {why}", $"{patched} and the rollout completed, but the pods could not be checked", retry.Writes), new RollbackVerification(wait, null, FailedChecks), wait.Revision);
        }

        var verification = new RollbackVerification(wait, pods, pods.IsHealthy ? checks : FailedChecks);
        var revision = wait.Revision ?? await ProducedRevisionAsync(w, overall.Token).ConfigureAwait(false);
        if (!pods.IsHealthy)
        {
            return Finish(plan, Failed(RollbackStage.Pods, $"the rollout completed but the pods are not all running and ready: {pods.Describe()}", $"{patched} and the rollout completed, but {pods.Describe()}", retry.Writes), verification, revision);
        }

        return Finish(plan, new DeployOutcome(DeployResult.Deployed, $"deployed {w.KindAndName} as revision {Rev(revision)}: {wait.Status.Message}; {pods.Describe()}", $"{patched}; it is rolled out as revision {Rev(revision)} and {pods.Describe()}", Attempts: retry.Writes), verification, revision);

        DeployRecord Finish(RestartPlan? finalPlan, DeployOutcome outcome, RollbackVerification? v, long? producedRevision)
        {
            var record = Record(finalPlan, outcome, v, producedRevision);
            if (records is null || request.DryRun)
            {
                return record;
            }

            try
            {
                records.Record(DeployEvents.Finished(record, policy));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HotfixOperationException)
            {
                // The outcome matters more than the record: report it, and say the record is missing.
                return record with { Outcome = outcome with { State = outcome.State + $"; the outcome could not be recorded in {records.LocationOf(request.Incident)} ({e.Message}): record it by hand (hotfix verify {request.Incident} --deployed when it reached production)" } };
            }

            return record;
        }
    }

    /// <summary>The revision a StatefulSet or DaemonSet now runs (a Deployment's comes with the rollout status); null when unreadable.</summary>
    private async Task<long?> ProducedRevisionAsync(WorkloadRef workload, CancellationToken cancellationToken)
    {
        try
        {
            return (await controller.GetHistoryAsync(workload, cancellationToken).ConfigureAwait(false)).CurrentRevision;
        }
        catch (Exception e) when (e is KubernetesApiException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<T> WithinTimeout<T>(TimeSpan left, Func<CancellationToken, Task<T>> step, CancellationToken overall)
    {
        using var timer = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(overall, timer.Token);
        return await step(limit.Token).ConfigureAwait(false);
    }

    private static DeployOutcome Failed(RollbackStage stage, string message, string state, int attempts) =>
        new(DeployResult.Failed, message, state, stage, attempts);

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
