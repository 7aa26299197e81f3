using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>Maps adapter failures of read-only commands to the CLI's contract: not found is bad input (2), others exit 3.</summary>
internal static class KubernetesCalls
{
    public static async Task<T> Run<T>(Func<Task<T>> call, WorkloadRef workload, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
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
