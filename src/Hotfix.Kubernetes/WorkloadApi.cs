using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;
using k8s;
using k8s.Models;

namespace Hotfix.Kubernetes;

/// <summary>The typed KubernetesClient calls per kind, returning objects as the core's <see cref="KubeObject"/>.</summary>
internal sealed class WorkloadApi(IKubernetes client, int pageSize, TimeSpan requestTimeout)
{
    public Task<KubeObject> ReadAsync(WorkloadRef w, CancellationToken cancellationToken) =>
        ApiErrors.Call($"GET {w.Kind.Resource()}/{w.Name}", false, requestTimeout, async ct => w.Kind switch
        {
            WorkloadKind.Deployment => ToCore(await client.AppsV1.ReadNamespacedDeploymentAsync(w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false)),
            WorkloadKind.StatefulSet => ToCore(await client.AppsV1.ReadNamespacedStatefulSetAsync(w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false)),
            _ => ToCore(await client.AppsV1.ReadNamespacedDaemonSetAsync(w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false)),
        }, cancellationToken);

    /// <summary>The workload by <c>fieldSelector=metadata.name=…</c>, as kubectl's status watch lists it: the object (or null) and the list's resourceVersion.</summary>
    public Task<(KubeObject? Object, string ResourceVersion)> ListByNameAsync(WorkloadRef w, CancellationToken cancellationToken) =>
        ApiErrors.Call($"LIST {w.Kind.Resource()}", false, requestTimeout, async ct =>
        {
            var field = $"metadata.name={w.Name}";
            (IEnumerable<object> Items, V1ListMeta? Meta) list = w.Kind switch
            {
                WorkloadKind.Deployment => await client.AppsV1.ListNamespacedDeploymentAsync(w.Namespace, fieldSelector: field, cancellationToken: ct).ConfigureAwait(false) is var d ? (d.Items, d.Metadata) : default,
                WorkloadKind.StatefulSet => await client.AppsV1.ListNamespacedStatefulSetAsync(w.Namespace, fieldSelector: field, cancellationToken: ct).ConfigureAwait(false) is var s ? (s.Items, s.Metadata) : default,
                _ => await client.AppsV1.ListNamespacedDaemonSetAsync(w.Namespace, fieldSelector: field, cancellationToken: ct).ConfigureAwait(false) is var ds ? (ds.Items, ds.Metadata) : default,
            };
            return (list.Items.Select(ToCore).FirstOrDefault(), list.Meta?.ResourceVersion ?? string.Empty);
        }, cancellationToken);

    /// <summary>Every ReplicaSet (Deployment) or ControllerRevision (StatefulSet, DaemonSet) the selector lists, following <c>continue</c>.</summary>
    public Task<IReadOnlyList<KubeObject>> ListRevisionsAsync(WorkloadRef w, string selector, CancellationToken ct) => w.Kind == WorkloadKind.Deployment
        ? ListAll("LIST replicasets", ct, async (token, requestCt) =>
        {
            var page = await client.AppsV1.ListNamespacedReplicaSetAsync(w.Namespace, labelSelector: selector, limit: pageSize, continueParameter: token, cancellationToken: requestCt).ConfigureAwait(false);
            return (page.Items, page.Metadata);
        })
        : ListAll("LIST controllerrevisions", ct, async (token, requestCt) =>
        {
            var page = await client.AppsV1.ListNamespacedControllerRevisionAsync(w.Namespace, labelSelector: selector, limit: pageSize, continueParameter: token, cancellationToken: requestCt).ConfigureAwait(false);
            return (page.Items, page.Metadata);
        });

    public Task<IReadOnlyList<KubeObject>> ListPodsAsync(string ns, string selector, CancellationToken ct) =>
        ListAll("LIST pods", ct, async (token, requestCt) =>
        {
            var page = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, limit: pageSize, continueParameter: token, cancellationToken: requestCt).ConfigureAwait(false);
            return (page.Items, page.Metadata);
        });

    public Task PatchAsync(WorkloadRef w, PatchKind kind, string body, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(body, kind == PatchKind.JsonPatch ? V1Patch.PatchType.JsonPatch : V1Patch.PatchType.StrategicMergePatch);
        return ApiErrors.Call($"PATCH {w.Kind.Resource()}/{w.Name}", true, requestTimeout, async ct => w.Kind switch
        {
            WorkloadKind.Deployment => (object)await client.AppsV1.PatchNamespacedDeploymentAsync(patch, w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false),
            WorkloadKind.StatefulSet => await client.AppsV1.PatchNamespacedStatefulSetAsync(patch, w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false),
            _ => await client.AppsV1.PatchNamespacedDaemonSetAsync(patch, w.Name, w.Namespace, cancellationToken: ct).ConfigureAwait(false),
        }, cancellationToken);
    }

    public static KubeObject ToCore(object model)
    {
        // KubernetesClient.Aot's source-generated JSON context has no metadata for JsonElement, which is what a
        // ControllerRevision's untyped "data" holds after reading, so serializing one throws (under JIT and AOT alike).
        // The data is raw JSON already: take it out, serialize the rest, and put it back verbatim.
        if (model is V1ControllerRevision { Data: JsonElement data } revision)
        {
            revision.Data = null;
            var json = KubeObject.Parse(KubernetesJson.Serialize(revision));
            revision.Data = data;
            json.Json["data"] = JsonNode.Parse(data.GetRawText());
            return json;
        }

        return KubeObject.Parse(KubernetesJson.Serialize(model));
    }

    /// <summary>A LIST followed page by page with <c>continue</c> (kubectl's FollowContinue); no page is fetched twice.</summary>
    private async Task<IReadOnlyList<KubeObject>> ListAll(string operation, CancellationToken cancellationToken, Func<string?, CancellationToken, Task<(IEnumerable<object> Items, V1ListMeta? Meta)>> fetch)
    {
        var all = new List<KubeObject>();
        string? token = null;
        do
        {
            var current = token;
            var (items, meta) = await ApiErrors.Call(operation, false, requestTimeout, requestCt => fetch(current, requestCt), cancellationToken).ConfigureAwait(false);
            all.AddRange(items.Select(ToCore));
            token = meta?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token));

        return all;
    }
}
