using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Workloads;

/// <summary>
/// The checklist's "which revision would we undo to" question answered by the workload controller's rollout history
/// (what <c>kubectl rollout history</c> shows as current). Read-only; every failure becomes a "not known" with the
/// reason, never an exception, so a checklist is still printed when the cluster does not answer.
/// </summary>
internal sealed class ControllerRevisionReader(IWorkloadController controller, string defaultNamespace, TimeSpan timeout) : IWorkloadRevisionReader
{
    public string Target => controller.Target;

    public async Task<WorkloadRevisionLookup> GetCurrentRevisionAsync(string workload, string? @namespace, CancellationToken cancellationToken)
    {
        if (!WorkloadRef.TryParse(workload, @namespace ?? defaultNamespace, out var target))
        {
            return WorkloadRevisionLookup.NotKnown($"'{workload}' is not {WorkloadRef.ExpectedForm}");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var history = await controller.GetHistoryAsync(target, limit.Token).ConfigureAwait(false);
            return history.CurrentRevision is { } revision
                ? WorkloadRevisionLookup.Found(revision)
                : WorkloadRevisionLookup.NotKnown($"{target.KindAndName} in {target.Namespace} has no rollout history");
        }
        catch (KubernetesApiException e)
        {
            return WorkloadRevisionLookup.NotKnown(e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WorkloadRevisionLookup.NotKnown($"the cluster did not answer within {timeout.TotalSeconds:0} s");
        }
    }
}
