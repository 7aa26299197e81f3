using System.Globalization;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Text;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The runbook's guarded rollback: plan (read only), document, apply once with a precondition, wait for the rollout
/// (<c>rollout status --timeout</c>), check the pods are running and ready, document the outcome. Nothing is retried:
/// "if rollback fails, escalate immediately — do not retry blindly". Every failure says what state the workload is in.
/// The one exception is not blind: a patch refused only because status writes moved the resourceVersion is planned
/// again and resent while the spec stays the same (<see cref="StalePreconditionRetry{TPlan}"/>).
/// <para>
/// The request's timeout bounds the whole procedure, not only the wait: an API server that accepts connections and
/// never answers ends the rollback within the timeout (plus <see cref="PodCheckGrace"/> for the last read), and a
/// patch that got no answer is documented as <see cref="RollbackResult.Unknown"/>, never left as "started" only.
/// </para>
/// </summary>
internal sealed class RollbackProcedure(IWorkloadController controller, IRollbackRecorder? recorder, TimeProvider time)
{
    /// <summary>Called once the plan is known (before anything is written), so a person sees it first.</summary>
    public Action<RollbackPlan>? Planned { get; init; }

    /// <summary>Called with each rollout status while waiting.</summary>
    public Action<RolloutStatus>? StatusChanged { get; init; }

    /// <summary>Time the pod check may still take when the rollout used the whole timeout.</summary>
    public static TimeSpan PodCheckGrace { get; } = TimeSpan.FromSeconds(5);

    public async Task<RollbackRecord> RunAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        if (!request.DryRun && string.IsNullOrWhiteSpace(request.Why))
        {
            throw new HotfixInputException("--reason is required for a rollback (\"every rollback must be documented with reason and verification\"); expected --reason \"why you roll back\".");
        }

        var started = time.GetLocalNow();
        var id = $"rollback-{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{request.Workload.Kind.Name()}-{request.Workload.Name}";
        RollbackRecord Record(string phase, RollbackPlan? plan, RollbackOutcome? outcome, RollbackVerification? verification) =>
            new(id, phase, request.Incident, request.Who, phase == "started" ? started : time.GetLocalNow(), request.Why, controller.Target, request.Workload, plan, outcome, verification);

        var begun = time.GetTimestamp();
        TimeSpan Left() => request.Timeout - time.GetElapsedTime(begun);
        using var deadline = new CancellationTokenSource(request.Timeout + PodCheckGrace, time);
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        bool OutOfTime() => !cancellationToken.IsCancellationRequested;
        var noAnswer = $"the API server did not answer within the --timeout of {DurationText.Seconds(request.Timeout)}";

        RollbackPlan plan;
        try
        {
            plan = await WithinTimeout(Left(), ct => controller.PlanRollbackAsync(request.Workload, request.ToRevision, ct), overall.Token).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.Kind == ApiFailureKind.NotFound)
        {
            throw new HotfixInputException($"{request.Workload.KindAndName}: not found in namespace '{request.Workload.Namespace}' ({controller.Target}); expected an existing workload (kubectl get {request.Workload.Kind.Resource()} -n {request.Workload.Namespace}{request.Cluster.Flags}). Nothing was changed.");
        }
        catch (KubernetesApiException e)
        {
            return Finish(null, Failed(RollbackStage.Plan, $"reading {request.Workload.KindAndName} failed: {e.Message}", NothingSent, 0), null);
        }
        catch (OperationCanceledException) when (OutOfTime())
        {
            return Finish(null, Failed(RollbackStage.Plan, $"reading {request.Workload.KindAndName} failed: {noAnswer}", NothingSent, 0), null);
        }

        Planned?.Invoke(plan);
        if (plan.Status == RollbackPlanStatus.Refused)
        {
            return Finish(plan, new RollbackOutcome(RollbackResult.Refused, plan.Refusal!.Message, $"nothing was changed: {request.Workload.KindAndName} stays at revision {Rev(plan.FromRevision)}"), null);
        }

        if (plan.Status == RollbackPlanStatus.AlreadyAtTarget)
        {
            return Finish(plan, new RollbackOutcome(RollbackResult.Skipped, plan.SkipMessage!, $"nothing was changed: {request.Workload.KindAndName} already runs the template of revision {Rev(plan.ToRevision)}"), null);
        }

        if (request.DryRun)
        {
            return new RollbackRecord(id, "planned", request.Incident, request.Who, started, request.Why, controller.Target, request.Workload, plan,
                new RollbackOutcome(RollbackResult.DryRun, "dry run: the plan above was not applied", $"nothing was changed: {request.Workload.KindAndName} stays at revision {Rev(plan.FromRevision)}"), null);
        }

        try
        {
            recorder?.Append(Record("started", plan, null, null));
        }
        catch (Exception e) when (IsRecordFault(e))
        {
            // Finish tries to close what may have been half written (the log took "started", the incident record refused).
            return Finish(plan, Failed(RollbackStage.Record, $"the rollback record cannot be written to {recorder!.Location}: {e.Message}", "nothing was changed: a rollback that cannot be documented is not started", 0), null);
        }

        var unknown = $"unknown: the patch was sent and may or may not have been applied (the server can still apply it after we stopped waiting). Find out with 'hotfix history {request.Cluster.Target(request.Workload)}' (or kubectl rollout history) before doing anything";
        var retry = new StalePreconditionRetry<RollbackPlan>(plan);
        string? changed;
        try
        {
            changed = await retry.RunAsync(
                p => WithinTimeout(Left(), async ct =>
                {
                    await controller.ApplyRollbackAsync(p, ct).ConfigureAwait(false);
                    return true;
                }, overall.Token),
                () => WithinTimeout(Left(), ct => controller.PlanRollbackAsync(request.Workload, request.ToRevision, ct), overall.Token),
                PlanChanges.Between,
                (first, last, writes) => PlanChanges.KeptChanging(writes, first.Generation, last.Generation)).ConfigureAwait(false);
        }
        catch (Exception e) when (retry.Rereading && (e is KubernetesApiException || (e is OperationCanceledException && OutOfTime())))
        {
            var why = e is KubernetesApiException ? e.Message : noAnswer;
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"reading {request.Workload.KindAndName} again after its patch was refused ({retry.LastConflict!.Message}) failed: {why}", $"nothing was changed: every patch sent was refused; {request.Workload.KindAndName} stays at revision {Rev(plan.FromRevision)}", retry.Writes), null);
        }
        catch (KubernetesApiException e) when (e.WriteOutcomeUnknown)
        {
            return Finish(retry.Plan, new RollbackOutcome(RollbackResult.Unknown, $"applying the rollback failed: {e.Message}", unknown, RollbackStage.Apply, retry.Writes), null);
        }
        catch (KubernetesApiException e)
        {
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"applying the rollback failed: {e.Message}", $"nothing was changed: the API server rejected the patch; {request.Workload.KindAndName} stays at revision {Rev(plan.FromRevision)}", retry.Writes), null);
        }
        catch (OperationCanceledException) when (OutOfTime())
        {
            return Finish(retry.Plan, new RollbackOutcome(RollbackResult.Unknown, $"applying the rollback failed: {noAnswer}", unknown, RollbackStage.Apply, retry.Writes), null);
        }

        if (changed is not null)
        {
            var state = retry.KeptChanging
                ? $"nothing was changed: {request.Workload.KindAndName}: {changed}, so each was refused. Rerun the rollback; if this repeats, find out what keeps writing to it (kubectl get {request.Cluster.Target(request.Workload)} -w)"
                : $"nothing was changed: {request.Workload.KindAndName} was modified after the plan was read ({changed}), so the patch was refused. Someone else may be deploying: find out who before doing anything";
            return Finish(retry.Plan, Failed(RollbackStage.Apply, $"applying the rollback failed: {retry.LastConflict!.Message}", state, retry.Writes), null);
        }

        plan = retry.Plan;
        var patched = $"{request.Workload.KindAndName} was patched back to the template of revision {Rev(plan.ToRevision)} (Kubernetes numbers it {Rev(plan.RestoredAsRevision)})";
        RolloutWaitResult wait;
        try
        {
            var left = Left();
            wait = await controller.WaitForRolloutAsync(request.Workload, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), wait: true, StatusChanged, overall.Token).ConfigureAwait(false);
        }
        catch (KubernetesApiException e)
        {
            return Finish(plan, Failed(RollbackStage.Status, $"watching the rollout failed: {e.Message}", $"{patched}; whether it rolled out is unknown", retry.Writes), null);
        }
        catch (OperationCanceledException) when (OutOfTime())
        {
            return Finish(plan, Failed(RollbackStage.Status, $"watching the rollout failed: {noAnswer}", $"{patched}; whether it rolled out is unknown", retry.Writes), null);
        }

        var checks = RollbackVerification.RunbookChecks;
        if (!wait.Status.IsDone)
        {
            var state = wait.Status.Verdict switch
            {
                RolloutVerdict.TimedOut => $"{patched}, but the rollout did not finish within {DurationText.Seconds(request.Timeout)}: {wait.Status.Message}",
                RolloutVerdict.DeadlineExceeded => $"{patched}, but the controller reports ProgressDeadlineExceeded: the restored revision is not becoming available",
                RolloutVerdict.Deleted => $"{request.Workload.KindAndName} was deleted during the rollout",
                _ => $"{patched}, but the rollout cannot finish: {wait.Status.Message}",
            };
            return Finish(plan, Failed(RollbackStage.Status, $"the rollout did not complete ({wait.Status.Verdict.Name()}): {wait.Status.Message}", state, retry.Writes), new RollbackVerification(wait, null, RollbackVerification.FailedChecks));
        }

        PodSummary pods;
        try
        {
            pods = await controller.ListPodsAsync(request.Workload, overall.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException || (e is OperationCanceledException && OutOfTime()))
        {
            var why = e is KubernetesApiException ? e.Message : noAnswer;
            return Finish(plan, Failed(RollbackStage.Pods, $"listing the pods failed: {why}", $"{patched} and the rollout completed, but the pods could not be checked", retry.Writes), new RollbackVerification(wait, null, RollbackVerification.FailedChecks));
        }

        var verification = new RollbackVerification(wait, pods, pods.IsHealthy ? checks : RollbackVerification.FailedChecks);
        if (!pods.IsHealthy)
        {
            return Finish(plan, Failed(RollbackStage.Pods, $"the rollout completed but the pods are not all running and ready: {pods.Describe()}", $"{patched} and the rollout completed, but {pods.Describe()}", retry.Writes), verification);
        }

        return Finish(plan, new RollbackOutcome(RollbackResult.RolledBack, $"rolled back to revision {Rev(plan.ToRevision)}: {wait.Status.Message}; {pods.Describe()}", $"{patched}; it is rolled out and {pods.Describe()}", Attempts: retry.Writes), verification);

        RollbackRecord Finish(RollbackPlan? finalPlan, RollbackOutcome outcome, RollbackVerification? v)
        {
            var record = Record("finished", finalPlan, outcome, v);
            try
            {
                recorder?.Append(record);
            }
            catch (Exception e) when (IsRecordFault(e))
            {
                // The outcome matters more than the record: report it, and say the record is missing.
                return record with { Outcome = outcome with { State = outcome.State + $"; the finished record could not be written to {recorder!.Location} ({e.Message}): document this rollback by hand" } };
            }

            return record;
        }
    }

    private const string NothingSent = "nothing was changed: the rollback stopped while reading the workload, before any write";

    // The recorders' I/O faults, and the incident record's own refusal (it names the file and the state itself).
    private static bool IsRecordFault(Exception e) => e is IOException or UnauthorizedAccessException or InvalidOperationException or HotfixOperationException;

    /// <summary>A step bounded by what is left of the timeout as well as by the overall token.</summary>
    private async Task<T> WithinTimeout<T>(TimeSpan left, Func<CancellationToken, Task<T>> step, CancellationToken overall)
    {
        using var timer = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(overall, timer.Token);
        return await step(limit.Token).ConfigureAwait(false);
    }

    private static RollbackOutcome Failed(RollbackStage stage, string message, string state, int attempts) =>
        new(RollbackResult.Failed, message, state, stage, attempts);

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";

}
