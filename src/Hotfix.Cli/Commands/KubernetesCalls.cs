using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>Maps adapter failures of read-only commands to the CLI's contract: not found is bad input (2), others exit 3.</summary>
internal static class KubernetesCalls
{
    public static Task<T> Run<T>(Func<Task<T>> call, WorkloadRef workload, string what) => Run(call, workload, what, null, default);

    /// <summary>
    /// As <see cref="Run{T}(Func{Task{T}}, WorkloadRef, string)"/>, for a call bounded by the command's own deadline:
    /// when that deadline (not <paramref name="cancellationToken"/>) ends it, the failure says <paramref name="noAnswer"/>.
    /// </summary>
    public static async Task<T> Run<T>(Func<Task<T>> call, WorkloadRef workload, string what, string? noAnswer, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (noAnswer is not null && !cancellationToken.IsCancellationRequested)
        {
            throw new HotfixOperationException($"{what} of {workload} failed: {noAnswer}", "nothing was changed (this command only reads)", e);
        }
        catch (KubernetesApiException e) when (e.Kind == ApiFailureKind.NotFound)
        {
            throw new HotfixInputException($"{workload.KindAndName}: not found in namespace '{workload.Namespace}' ({e.Message}); expected an existing workload (kubectl get {workload.Kind.Resource()} -n {workload.Namespace}).");
        }
        catch (KubernetesApiException e)
        {
            throw new HotfixOperationException($"{what} of {workload} failed: {e.Message}", "nothing was changed (this command only reads)", e);
        }
    }
}
