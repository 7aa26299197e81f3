using Hotfix.Kubernetes;
using Hotfix.Policy.Policies;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// Which namespace a Kubernetes command works in and why: <c>-n</c>; else the kubeconfig context's (what kubectl would
/// use) when it sets one; else policy <c>deployment.namespace</c>; else "default". When the policy and the context
/// name different namespaces and no <c>-n</c> was given, nobody can tell which one the user means: read commands use
/// the context's and say so, commands that change the cluster refuse and ask for <c>-n</c>.
/// </summary>
internal sealed record NamespaceChoice(string Namespace, string Source, string? Conflict)
{
    /// <summary>The commands that change a cluster; they refuse an ambiguous namespace instead of guessing.</summary>
    public static IReadOnlySet<string> WritingCommands { get; } = new HashSet<string>(StringComparer.Ordinal) { "rollback", "deploy" };

    public static NamespaceChoice Of(string? flag, HotfixPolicy policy, ClusterConnection? connection)
    {
        if (flag is not null)
        {
            return new(flag, "from -n/--namespace", null);
        }

        var fromPolicy = policy.Deployment.Namespace;
        var fromContext = connection?.Namespace;
        var contextName = connection?.Context is { } name ? $"kubeconfig context '{name}'" : connection?.Source ?? "kubeconfig";
        if (fromContext is not null && fromPolicy is not null && fromContext != fromPolicy)
        {
            return new(fromContext, $"from the {contextName}", $"policy deployment.namespace is '{fromPolicy}' but the {contextName} uses '{fromContext}'");
        }

        if (fromContext is not null)
        {
            return new(fromContext, $"from the {contextName}", null);
        }

        return fromPolicy is not null
            ? new(fromPolicy, "from policy deployment.namespace", null)
            : new("default", "the default: no -n, no policy deployment.namespace, no namespace in the kubeconfig context", null);
    }

    /// <summary>The line every Kubernetes command prints (to stderr, so JSON on stdout stays a document).</summary>
    public void Report(CliEnvironment environment, string command)
    {
        environment.Error.WriteLine($"namespace: {Namespace} ({Source})");
        if (Conflict is null)
        {
            return;
        }

        if (WritingCommands.Contains(command))
        {
            throw new HotfixInputException($"which namespace? {Conflict}, and no -n was given; 'hotfix {command}' changes the cluster and does not guess: expected -n NAMESPACE (e.g. -n {Namespace}). Nothing was read or changed.");
        }

        environment.Error.WriteLine($"hotfix: warning: {Conflict}; using the context's, as kubectl would — pass -n to choose.");
    }
}
