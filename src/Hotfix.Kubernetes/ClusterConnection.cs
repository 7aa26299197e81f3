using k8s;

namespace Hotfix.Kubernetes;

/// <summary>A cluster the adapter can talk to: the client configuration, where it came from, and the namespace to use.</summary>
/// <param name="Context">The kubeconfig context in use (null in-cluster).</param>
/// <param name="Source">Where the configuration came from, for messages (files, or "in-cluster service account").</param>
/// <param name="Namespace">The context's namespace (or the service account's), null when none is set.</param>
/// <param name="Configuration">The Kubernetes client configuration (server, credentials, TLS).</param>
internal sealed record ClusterConnection(KubernetesClientConfiguration Configuration, string? Context, string Source, string? Namespace)
{
    /// <summary>How people name this cluster: the context, else the server.</summary>
    public string Describe() => Context is null ? $"{Configuration.Host} ({Source})" : $"context {Context} ({Configuration.Host})";
}
