using Hotfix.Kubernetes;
using Hotfix.Policy.Ports;

namespace Hotfix;

/// <summary>Registers a Kubernetes cluster as the workload adapter of a <see cref="HotfixEngineBuilder"/>.</summary>
public static class KubernetesRegistration
{
    /// <summary>
    /// Connects to the cluster kubectl would use — <paramref name="kubeconfig"/>, else every file in <c>KUBECONFIG</c>,
    /// else <c>~/.kube/config</c>, else the in-cluster service account — in <paramref name="context"/> (default: the
    /// current context), and registers it for the workload port (rollout history, rollback, restart, status). The
    /// engine disposes the connection.
    /// </summary>
    /// <exception cref="HotfixInputException">No cluster is configured, or the kubeconfig is unusable (an unknown
    /// context, a cluster without a server, a malformed file); the message names the file and the expected form.</exception>
    public static HotfixEngineBuilder UseKubernetes(this HotfixEngineBuilder builder, string? kubeconfig = null, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = Kubeconfig.Load(Environment.GetEnvironmentVariable, kubeconfig, context)
            ?? throw new HotfixInputException($"no Kubernetes cluster is configured; expected {Kubeconfig.SearchDescription}.");
        var controller = KubernetesWorkloadController.Connect(connection);
        return builder.Own(controller).AddPort<IWorkloadController>(controller).AddPort<IWorkloadRestarter>(controller);
    }
}
