namespace Hotfix.Policy.Workloads;

/// <summary>The workload kinds <c>kubectl rollout undo|history|status</c> support, and so do we.</summary>
public enum WorkloadKind
{
    /// <summary>A Deployment; its revisions are ReplicaSets.</summary>
    Deployment,
    /// <summary>A StatefulSet; its revisions are ControllerRevisions.</summary>
    StatefulSet,
    /// <summary>A DaemonSet; its revisions are ControllerRevisions.</summary>
    DaemonSet,
}

/// <summary>The names of <see cref="WorkloadKind"/> as kubectl and the Kubernetes API spell them.</summary>
public static class WorkloadKinds
{
    /// <summary>The lowercase name kubectl prints and accepts (<c>deployment</c>, <c>statefulset</c>, <c>daemonset</c>).</summary>
    public static string Name(this WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deployment => "deployment",
        WorkloadKind.StatefulSet => "statefulset",
        _ => "daemonset",
    };

    /// <summary>The API kind (<c>Deployment</c>, …) as it appears in objects and owner references.</summary>
    public static string ApiKind(this WorkloadKind kind) => kind.ToString();

    /// <summary>The resource name in API paths (<c>deployments</c>, …).</summary>
    public static string Resource(this WorkloadKind kind) => kind.Name() + "s";

    /// <summary>Accepts what kubectl accepts for these kinds: singular, plural, short name, with or without <c>.apps</c>.</summary>
    public static bool TryParse(string? text, out WorkloadKind kind)
    {
        var name = text?.ToLowerInvariant() ?? string.Empty;
        if (name.EndsWith(".apps", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        (var ok, kind) = name switch
        {
            "deployment" or "deployments" or "deploy" => (true, WorkloadKind.Deployment),
            "statefulset" or "statefulsets" or "sts" => (true, WorkloadKind.StatefulSet),
            "daemonset" or "daemonsets" or "ds" => (true, WorkloadKind.DaemonSet),
            _ => (false, WorkloadKind.Deployment),
        };
        return ok;
    }
}
