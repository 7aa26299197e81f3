using System.Diagnostics.CodeAnalysis;
using Hotfix.Policy.Policies.Validation;

namespace Hotfix.Policy.Workloads;

/// <summary>A workload in a namespace: what <c>kubectl rollout … deployment/web -n shop</c> names.</summary>
/// <param name="Kind">Deployment, StatefulSet or DaemonSet.</param>
/// <param name="Name">The workload's name (a DNS subdomain).</param>
/// <param name="Namespace">The Kubernetes namespace.</param>
public sealed record WorkloadRef(WorkloadKind Kind, string Name, string Namespace)
{
    /// <summary>The expected form of a workload argument, for messages.</summary>
    public const string ExpectedForm = KubernetesNames.WorkloadForm;

    /// <summary><c>deployment/web</c>.</summary>
    public string KindAndName => $"{Kind.Name()}/{Name}";

    /// <summary>Parses <c>kind/name</c> (kind as kubectl accepts it, e.g. <c>deploy/web</c>) in <paramref name="ns"/>.</summary>
    public static bool TryParse(string? text, string ns, [NotNullWhen(true)] out WorkloadRef? workload)
    {
        workload = null;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0 || !WorkloadKinds.TryParse(text![..slash], out var kind))
        {
            return false;
        }

        var name = text[(slash + 1)..];
        if (!KubernetesNames.IsDnsSubdomain(name))
        {
            return false;
        }

        workload = new WorkloadRef(kind, name, ns);
        return true;
    }

    /// <summary>As kubectl arguments: <c>deployment/web -n shop</c>.</summary>
    public override string ToString() => $"{KindAndName} -n {Namespace}";
}
