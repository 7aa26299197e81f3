using System.Globalization;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The runbook's guarded rollback: plan (read only), document, apply once with a precondition, wait for the rollout
/// (<c>rollout status --timeout</c>), check the pods are running and ready, document the outcome. Nothing is retried:
/// "if rollback fails, escalate immediately — do not retry blindly". Every failure says what state the workload is in.
/// </summary>
internal sealed class RollbackProcedure(IWorkloadController controller, IRollbackRecorder? recorder, IClock clock)
{
    /// <summary>Called once the plan is known (before anything is written), so a person sees it first.</summary>
    public Action<RollbackPlan>? Planned { get; init; }

    /// <summary>Called with each rollout status while waiting.</summary>
    public Action<RolloutStatus>? StatusChanged { get; init; }

    public async Task<RollbackRecord> RunAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        if (!request.DryRun && string.IsNullOrWhiteSpace(request.Why))
        {
            throw new HotfixInputException("--reason is required for a rollback (\"every rollback must be documented with reason and verification\"); expected --reason \"why you roll back\".");
        }

        var started = clock.Now;
        var id = $"rollback-{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{request.Workload.Kind.Name()}-{request.Workload.Name}";
        RollbackRecord Record(string phase, RollbackPlan? plan, RollbackOutcome? outcome, RollbackVerification? verification) =>
            new(id, phase, request.Incident, request.Who, phase == "started" ? started : clock.Now, request.Why, controller.Target, request.Workload, plan, outcome, verification);

        RollbackPlan plan;
        try
        {
            plan = await controller.PlanRollbackAsync(request.Workload, request.ToRevision, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.Kind == ApiFailureKind.NotFound)
        {
            throw new HotfixInputException($"{request.Workload.KindAndName}: not found in namespace '{request.Workload.Namespace}' ({controller.Target}); expected an existing workload (kubectl get {request.Workload.Kind.Resource()} -n {request.Workload.Namespace}). Nothing was changed.");
        }
        catch (KubernetesApiException e)
        {
            return Finish(null, Failed(RollbackStage.Plan, $"reading {request.Workload.KindAndName} failed: {e.Message}", "nothing was changed: the rollback stopped while reading the workload, before any write", 0), null);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Record("finished", plan, Failed(RollbackStage.Record, $"the rollback record cannot be written to {recorder!.Location}: {e.Message}", "nothing was changed: a rollback that cannot be documented is not started", 0), null);
        }

        try
        {
            await controller.ApplyRollbackAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e)
        {
            var state = e.Kind switch
            {
                ApiFailureKind.Conflict => $"nothing was changed: {request.Workload.KindAndName} was modified after the plan was read (resourceVersion {plan.ResourceVersion} is no longer current), so the patch was refused. Someone else may be deploying: find out who before doing anything",
                _ when e.WriteOutcomeUnknown => $"unknown: the patch may or may not have been applied. Check with 'kubectl rollout history {request.Workload.KindAndName} -n {request.Workload.Namespace}' before doing anything",
                _ => $"nothing was changed: the API server rejected the patch; {request.Workload.KindAndName} stays at revision {Rev(plan.FromRevision)}",
            };
            return Finish(plan, Failed(RollbackStage.Apply, $"applying the rollback failed: {e.Message}", state, 1), null);
        }

        var patched = $"{request.Workload.KindAndName} was patched back to the template of revision {Rev(plan.ToRevision)} (Kubernetes numbers it {Rev(plan.RestoredAsRevision)})";
        RolloutWaitResult wait;
        try
        {
            wait = await controller.WaitForRolloutAsync(request.Workload, request.Timeout, wait: true, StatusChanged, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e)
        {
            return Finish(plan, Failed(RollbackStage.Status, $"watching the rollout failed: {e.Message}", $"{patched}; whether it rolled out is unknown", 1), null);
        }

        var checks = RollbackVerification.RunbookChecks;
        if (!wait.Status.IsDone)
        {
            var state = wait.Status.Verdict switch
            {
                RolloutVerdict.TimedOut => $"{patched}, but the rollout did not finish within {Seconds(request.Timeout)}: {wait.Status.Message}",
                RolloutVerdict.DeadlineExceeded => $"{patched}, but the controller reports ProgressDeadlineExceeded: the restored revision is not becoming available",
                RolloutVerdict.Deleted => $"{request.Workload.KindAndName} was deleted during the rollout",
                _ => $"{patched}, but the rollout cannot finish: {wait.Status.Message}",
            };
            return Finish(plan, Failed(RollbackStage.Status, $"the rollout did not complete ({wait.Status.Verdict.Name()}): {wait.Status.Message}", state, 1), new RollbackVerification(wait, null, checks));
        }

        PodSummary pods;
        try
        {
            pods = await controller.ListPodsAsync(request.Workload, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e)
        {
            return Finish(plan, Failed(RollbackStage.Pods, $"listing the pods failed: {e.Message}", $"{patched} and the rollout completed, but the pods could not be checked", 1), new RollbackVerification(wait, null, checks));
        }

        var verification = new RollbackVerification(wait, pods, checks);
        if (!pods.IsHealthy)
        {
            return Finish(plan, Failed(RollbackStage.Pods, $"the rollout completed but the pods are not all running and ready: {pods.Describe()}", $"{patched} and the rollout completed, but {pods.Describe()}", 1), verification);
        }

        return Finish(plan, new RollbackOutcome(RollbackResult.RolledBack, $"rolled back to revision {Rev(plan.ToRevision)}: {wait.Status.Message}; {pods.Describe()}", $"{patched}; it is rolled out and {pods.Describe()}", Attempts: 1), verification);

        RollbackRecord Finish(RollbackPlan? finalPlan, RollbackOutcome outcome, RollbackVerification? v)
        {
            var record = Record("finished", finalPlan, outcome, v);
            try
            {
                recorder?.Append(record);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The outcome matters more than the record: report it, and say the record is missing.
                return record with { Outcome = outcome with { State = outcome.State + $"; the finished record could not be written to {recorder!.Location} ({e.Message}): document this rollback by hand" } };
            }

            return record;
        }
    }

    private static RollbackOutcome Failed(RollbackStage stage, string message, string state, int attempts) =>
        new(RollbackResult.Failed, message, state, stage, attempts);

    private static string Rev(long? revision) => revision?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Seconds(TimeSpan timeout) => $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
