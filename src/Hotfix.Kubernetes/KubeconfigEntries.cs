using k8s.KubeConfigModels;

namespace Hotfix.Kubernetes;

/// <summary>
/// The checks kubectl (client-go's clientcmd) makes on the context in use, with its words, before the client library
/// builds a configuration: the context's cluster and user must exist and the cluster must have a server. A user entry
/// without credentials (<c>user: {}</c>) is anonymous access for kubectl, so it is for us: the client library would
/// refuse it, so the context is told to use no user entry at all.
/// </summary>
internal static class KubeconfigEntries
{
    /// <exception cref="HotfixInputException">The context names a missing cluster or user, or a cluster without a server.</exception>
    public static void Check(K8SConfiguration merged, Context context, string source)
    {
        var details = context.ContextDetails;
        var clusterName = details?.Cluster;
        if (string.IsNullOrEmpty(clusterName))
        {
            throw Invalid(source, $"context '{context.Name}' names no cluster", "a context with a cluster (kubectl config set-context NAME --cluster=CLUSTER)");
        }

        var cluster = merged.Clusters?.FirstOrDefault(c => c.Name == clusterName)
            ?? throw Invalid(source, $"cluster '{clusterName}' was not found for context '{context.Name}'", "a clusters entry with that name");
        if (string.IsNullOrEmpty(cluster.ClusterEndpoint?.Server))
        {
            throw Invalid(source, $"cluster '{clusterName}' (context '{context.Name}') has no server", $"clusters[].cluster.server, e.g. https://10.0.0.1:6443 (kubectl config set-cluster {clusterName} --server=URL)");
        }

        var userName = details!.User;
        if (string.IsNullOrEmpty(userName))
        {
            return;
        }

        var user = merged.Users?.FirstOrDefault(u => u.Name == userName)
            ?? throw Invalid(source, $"user '{userName}' was not found for context '{context.Name}'", "a users entry with that name, or no user in the context for anonymous access");
        if (!HasCredentials(user.UserCredentials))
        {
            details.User = null;
        }
    }

    private static bool HasCredentials(UserCredentials? c) =>
        c is not null
        && (!string.IsNullOrEmpty(c.Token)
            || !string.IsNullOrEmpty(c.UserName)
            || !string.IsNullOrEmpty(c.Password)
            || !string.IsNullOrEmpty(c.ClientCertificate)
            || !string.IsNullOrEmpty(c.ClientCertificateData)
            || !string.IsNullOrEmpty(c.ClientKey)
            || !string.IsNullOrEmpty(c.ClientKeyData)
            || c.AuthProvider is not null
            || c.ExternalExecution is not null
            || !string.IsNullOrEmpty(c.Impersonate));

    private static HotfixInputException Invalid(string source, string problem, string expected) =>
        new($"kubeconfig {source}: {problem}; expected {expected}.");
}
