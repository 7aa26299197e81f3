namespace Hotfix.Policy.Policies.Validation;

/// <summary>Kubernetes naming rules that policies refer to.</summary>
internal static class KubernetesNames
{
    public const string WorkloadForm = "kind/name with kind deployment, statefulset or daemonset (e.g. deployment/admin-ui)";

    /// <summary>RFC 1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric, at most 63 characters.</summary>
    public static bool IsDnsLabel(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 63 && char.IsAsciiLetterLower(name[0]) | char.IsAsciiDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>RFC 1123 subdomain: dot-separated labels, at most 253 characters (names of Deployments and friends).</summary>
    public static bool IsDnsSubdomain(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 253 && name.Split('.').All(IsDnsLabel);

    public static bool IsWorkloadReference(string? reference)
    {
        var slash = reference?.IndexOf('/') ?? -1;
        if (slash <= 0)
        {
            return false;
        }

        var kind = reference![..slash];
        return kind is "deployment" or "statefulset" or "daemonset" && IsDnsSubdomain(reference[(slash + 1)..]);
    }
}
