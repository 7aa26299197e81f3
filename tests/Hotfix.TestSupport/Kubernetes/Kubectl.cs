namespace Hotfix.TestSupport.Kubernetes;

/// <summary>The real kubectl, run against the test API server through a kubeconfig; tests skip when none is on PATH.</summary>
public static class Kubectl
{
    /// <summary>The kubectl on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    public static string SkipReason => "kubectl is not on PATH: the kubectl referee tests need the real kubectl (install it to run them).";

    public static ProcessResult Run(string kubeconfig, params string[] arguments) =>
        ProcessRunner.Run(
            Path ?? throw new InvalidOperationException(SkipReason),
            arguments,
            System.IO.Path.GetDirectoryName(kubeconfig)!,
            new Dictionary<string, string?>
            {
                ["KUBECONFIG"] = kubeconfig,
                ["HOME"] = System.IO.Path.GetDirectoryName(kubeconfig),
                ["KUBECACHEDIR"] = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(kubeconfig)!, "kube-cache"),

                // kubectl stamps restarts in local time; in UTC its stamp is written the way ours is, so a test can
                // restart at kubectl's instant and compare whole objects.
                ["TZ"] = "UTC",
            },
            TimeSpan.FromMinutes(1));

    private static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(folder, "kubectl");
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs kubectl; skipped with the reason when kubectl is not on PATH.</summary>
public sealed class KubectlFactAttribute : Xunit.FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = Kubectl.SkipReason;
        }
    }
}
