namespace Hotfix.Policy.Workloads;

/// <summary>
/// The cluster options a person chose (<c>--context</c>, <c>--kubeconfig</c>), repeated in every kubectl or hotfix
/// command we suggest: a pasted line without them reads the current context's cluster — at 3 a.m. maybe another one.
/// hotfix takes both options as kubectl does, so one wording serves both.
/// </summary>
/// <param name="Context">The kubeconfig context chosen; null for the kubeconfig's current context.</param>
/// <param name="Kubeconfig">The kubeconfig file chosen (a full path); null for <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</param>
public sealed record ClusterFlags(string? Context = null, string? Kubeconfig = null)
{
    /// <summary>No option chosen: the commands work on the current context, as the user's did.</summary>
    public static ClusterFlags None { get; } = new();

    /// <summary>The options as a command line's tail (<c> --context C --kubeconfig F</c>), quoted for a POSIX shell; empty for none.</summary>
    public string Flags => (Context is null ? string.Empty : $" --context {Quote(Context)}") + (Kubeconfig is null ? string.Empty : $" --kubeconfig {Quote(Kubeconfig)}");

    /// <summary>A workload as hotfix and kubectl commands take it: <c>kind/name -n NS</c> and the options.</summary>
    public string Target(WorkloadRef workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return $"{workload.KindAndName} -n {workload.Namespace}{Flags}";
    }

    /// <summary>Single-quotes for a POSIX shell when the text has anything but safe characters.</summary>
    internal static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
