using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes;

/// <summary>
/// The deployment-controller port on KubernetesClient. It makes the same API calls kubectl makes (GET the workload,
/// LIST its ReplicaSets or ControllerRevisions by the full selector with paging, PATCH), hands the objects to the
/// core's kubectl algorithms, and never retries a failed call.
/// </summary>
internal sealed class KubernetesWorkloadController : IWorkloadController, IWorkloadRestarter, IDisposable
{
    private readonly KubernetesConnection connection;
    private readonly WorkloadApi api;
    private readonly RolloutWatcher watcher;

    /// <summary>A controller with its own connection to the configured cluster, disposed with it.</summary>
    public KubernetesWorkloadController(k8s.KubernetesClientConfiguration configuration, string target, WatchOptions? options = null)
    {
        connection = new KubernetesConnection(configuration);
        Target = target;
        options ??= new WatchOptions();
        var requests = new ApiRequests(connection);
        api = new WorkloadApi(requests, options.PageSize, options.RequestTimeout);
        watcher = new RolloutWatcher(requests, api, options);
    }

    public string Target { get; }

    /// <summary>A controller for a configured cluster (see <see cref="Kubeconfig"/>).</summary>
    public static KubernetesWorkloadController Connect(ClusterConnection connection, WatchOptions? options = null) =>
        new(connection.Configuration, connection.Describe(), options);

    public async Task<RolloutHistory> GetHistoryAsync(WorkloadRef workload, CancellationToken cancellationToken)
    {
        var (obj, listed) = await ReadWithRevisionsAsync(workload, cancellationToken).ConfigureAwait(false);
        return Rollbackers.For(workload.Kind).History(obj, listed);
    }

    public async Task<RollbackPlan> PlanRollbackAsync(WorkloadRef workload, long toRevision, CancellationToken cancellationToken)
    {
        var (obj, listed) = await ReadWithRevisionsAsync(workload, cancellationToken).ConfigureAwait(false);
        return Rollbackers.For(workload.Kind).Plan(obj, listed, toRevision);
    }

    public Task ApplyRollbackAsync(RollbackPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Status != RollbackPlanStatus.Ready || plan.Patch is null)
        {
            throw new InvalidOperationException($"Only a plan with status Ready can be applied; this one is {plan.Status}.");
        }

        return api.PatchAsync(plan.Workload, plan.Patch.Kind, plan.Patch.Body, cancellationToken);
    }

    public async Task<RestartResult> RestartAsync(WorkloadRef workload, DateTimeOffset at, bool dryRun, CancellationToken cancellationToken)
    {
        var plan = await PlanRestartAsync(workload, at, cancellationToken).ConfigureAwait(false);
        if (!plan.IsReady)
        {
            return new RestartResult(workload, plan.RestartedAt, plan.Patch?.Body ?? string.Empty, false, plan.Refusal);
        }

        if (!dryRun)
        {
            await ApplyRestartAsync(plan, cancellationToken).ConfigureAwait(false);
        }

        return new RestartResult(workload, plan.RestartedAt, plan.Patch!.Body, !dryRun);
    }

    public async Task<RestartPlan> PlanRestartAsync(WorkloadRef workload, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (obj, listed) = await ReadWithRevisionsAsync(workload, cancellationToken).ConfigureAwait(false);
        return Restarters.For(workload.Kind).Plan(obj, Rollbackers.For(workload.Kind).History(obj, listed), at);
    }

    public Task ApplyRestartAsync(RestartPlan plan, CancellationToken cancellationToken)
    {
        if (!plan.IsReady)
        {
            throw new InvalidOperationException($"Only a restart plan that is ready can be applied; this one was refused: {plan.Refusal}");
        }

        return api.PatchAsync(plan.Workload, plan.Patch!.Kind, plan.Patch.Body, cancellationToken);
    }

    public Task<RolloutWaitResult> WaitForRolloutAsync(WorkloadRef workload, TimeSpan timeout, bool wait, Action<RolloutStatus>? progress, CancellationToken cancellationToken) =>
        watcher.WaitAsync(workload, timeout, wait, progress, cancellationToken);

    public async Task<PodSummary> ListPodsAsync(WorkloadRef workload, CancellationToken cancellationToken)
    {
        var obj = await api.ReadAsync(workload, cancellationToken).ConfigureAwait(false);
        var selector = LabelSelector.From(obj.Node("spec", "selector")).ToString();
        var pods = await api.ListPodsAsync(workload.Namespace, selector, cancellationToken).ConfigureAwait(false);
        return new PodSummary(selector, Pods.ExpectedFor(workload.Kind, obj), pods.Select(Pods.Read).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
    }

    public void Dispose() => connection.Dispose();

    /// <summary>kubectl's reads: GET the workload, then LIST by its full selector (matchLabels and matchExpressions).</summary>
    private async Task<(KubeObject Workload, IReadOnlyList<KubeObject> Listed)> ReadWithRevisionsAsync(WorkloadRef workload, CancellationToken ct)
    {
        var obj = await api.ReadAsync(workload, ct).ConfigureAwait(false);
        var selector = LabelSelector.From(obj.Node("spec", "selector")).ToString();
        var listed = await api.ListRevisionsAsync(workload, selector, ct).ConfigureAwait(false);
        return (obj, listed);
    }
}
