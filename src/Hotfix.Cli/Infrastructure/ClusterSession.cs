using System.CommandLine;
using Hotfix.Cli.Commands;
using Hotfix.Kubernetes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Workloads;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// What a cluster command works with: the policy, the workload named on the command line, and the cluster found
/// the way kubectl finds it (null when none is configured).
/// </summary>
internal sealed class ClusterSession : IDisposable
{
    private ClusterSession(HotfixPolicy policy, string? repositoryRoot, WorkloadRef workload, ClusterConnection? connection, bool json, TimeSpan requestTimeout)
    {
        Policy = policy;
        RepositoryRoot = repositoryRoot;
        Workload = workload;
        Connection = connection;
        Json = json;
        Controller = connection is null ? null : KubernetesWorkloadController.Connect(connection, new WatchOptions { RequestTimeout = requestTimeout });
    }

    public HotfixPolicy Policy { get; }

    public string? RepositoryRoot { get; }

    public WorkloadRef Workload { get; }

    public ClusterConnection? Connection { get; }

    public KubernetesWorkloadController? Controller { get; }

    public bool Json { get; }

    /// <summary>The namespace in use and where it came from (flag, context, policy).</summary>
    public NamespaceChoice NamespaceChoice { get; private init; } = new("default", "default", null);

    /// <summary>The cluster options to repeat in the kubectl and hotfix commands we print (only those the user chose).</summary>
    public ClusterFlags Cluster { get; private init; } = ClusterFlags.None;

    public static ClusterSession Open(ParseResult parse, CliOptions options, WorkloadOptions workloadOptions, CliEnvironment environment)
    {
        var root = Workspace.FindRoot(environment, parse.GetValue(options.Repo));
        var policy = EmergencyPolicy.Load(environment, parse.GetValue(options.Policy), root, parse.CommandResult.Command.Name);
        var kubeconfig = parse.GetValue(workloadOptions.Kubeconfig) is { } file ? environment.Resolve(file) : null;
        var context = parse.GetValue(workloadOptions.Context);
        var connection = Kubernetes.Kubeconfig.Load(environment.GetVariable, kubeconfig, context);
        var flag = parse.GetValue(workloadOptions.Namespace);
        var choice = NamespaceChoice.Of(flag, policy, connection);
        var ns = choice.Namespace;
        if (!Hotfix.Policy.Policies.Validation.KubernetesNames.IsDnsLabel(ns))
        {
            throw new HotfixInputException($"--namespace '{Echo.Of(ns)}': expected a Kubernetes namespace (lowercase letters, digits and '-', at most 63 characters).");
        }

        var text = parse.GetValue(workloadOptions.Workload);
        if (!WorkloadRef.TryParse(text, ns, out var workload))
        {
            throw new HotfixInputException($"'{Echo.Of(text)}': expected {WorkloadRef.ExpectedForm}.");
        }

        choice.Report(environment, parse.CommandResult.Command.Name);
        return new ClusterSession(policy, root, workload, connection, parse.GetValue(workloadOptions.Format) == "json", workloadOptions.RequestTimeoutOf(parse))
        {
            Cluster = new ClusterFlags(context, kubeconfig),
            NamespaceChoice = choice,
        };
    }

    /// <summary>The timeout: --timeout, else policy deployment.rolloutTimeoutSeconds.</summary>
    public TimeSpan Timeout(string? option) =>
        option is not null && Durations.TryParse(option, out var timeout) ? timeout : TimeSpan.FromSeconds(Policy.Deployment.RolloutTimeoutSeconds);

    /// <summary>The controller, or the "no cluster" input error for commands that cannot work without one.</summary>
    public KubernetesWorkloadController RequireCluster(string command) =>
        Controller ?? throw new HotfixInputException(NoClusterMessage(command));

    /// <summary>The "no cluster" input error, shared by the commands that read and those that would change.</summary>
    public static string NoClusterMessage(string command) =>
        $"no cluster configured for 'hotfix {command}' (looked for {Kubernetes.Kubeconfig.SearchDescription}); expected a kubeconfig (KUBECONFIG=… or --kubeconfig FILE).";

    public void Dispose() => Controller?.Dispose();
}
