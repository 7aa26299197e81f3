using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.Kubernetes.Rollouts;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes;

/// <summary>
/// The API calls the adapter makes, returning objects as the core's <see cref="KubeObject"/>: the paths, query
/// parameters and patch media types of the client library's typed calls (and of kubectl), sent through
/// <see cref="ApiRequests"/> and read as the JSON the server sent.
/// </summary>
internal sealed class WorkloadApi(ApiRequests requests, int pageSize, TimeSpan requestTimeout)
{
    private const string JsonPatch = "application/json-patch+json";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    public Task<KubeObject> ReadAsync(WorkloadRef w, CancellationToken cancellationToken) =>
        requests.CallAsync($"GET {w.Kind.Resource()}/{w.Name}", false, requestTimeout, HttpMethod.Get, ObjectPath(w), null, json => new KubeObject(json), cancellationToken);

    /// <summary>The workload by <c>fieldSelector=metadata.name=…</c>, as kubectl's status watch lists it: the object (or null) and the list's resourceVersion.</summary>
    public Task<(KubeObject? Object, string ResourceVersion)> ListByNameAsync(WorkloadRef w, CancellationToken cancellationToken) =>
        requests.CallAsync(
            $"LIST {w.Kind.Resource()}", false, requestTimeout, HttpMethod.Get, ListPath(AppsPath(w.Namespace, w.Kind.Resource()), null, $"metadata.name={w.Name}", null, null), null,
            list => (Items(list).FirstOrDefault(), ListMeta(list, "resourceVersion") ?? string.Empty),
            cancellationToken);

    /// <summary>Every ReplicaSet (Deployment) or ControllerRevision (StatefulSet, DaemonSet) the selector lists, following <c>continue</c>.</summary>
    public Task<IReadOnlyList<KubeObject>> ListRevisionsAsync(WorkloadRef w, string selector, CancellationToken ct) => w.Kind == WorkloadKind.Deployment
        ? ListAll("LIST replicasets", AppsPath(w.Namespace, "replicasets"), selector, ct)
        : ListAll("LIST controllerrevisions", AppsPath(w.Namespace, "controllerrevisions"), selector, ct);

    public Task<IReadOnlyList<KubeObject>> ListPodsAsync(string ns, string selector, CancellationToken ct) =>
        ListAll("LIST pods", $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods", selector, ct);

    /// <summary>The patch, sent once; the server's answer (the patched object) is read but not needed.</summary>
    public Task PatchAsync(WorkloadRef w, PatchKind kind, string body, CancellationToken cancellationToken) =>
        requests.CallAsync($"PATCH {w.Kind.Resource()}/{w.Name}", true, requestTimeout, HttpMethod.Patch, ObjectPath(w),
            (body, kind == PatchKind.JsonPatch ? JsonPatch : StrategicMergePatch), patched => patched, cancellationToken);

    /// <summary>The collection of an apps/v1 resource in a namespace (also the watch's path).</summary>
    internal static string AppsPath(string ns, string resource) => $"apis/apps/v1/namespaces/{Uri.EscapeDataString(ns)}/{resource}";

    private static string ObjectPath(WorkloadRef w) => $"{AppsPath(w.Namespace, w.Kind.Resource())}/{Uri.EscapeDataString(w.Name)}";

    /// <summary>
    /// A LIST's query as the typed calls wrote it: the parameters that are set, in this order, values escaped, and
    /// <c>watch=false</c> last (the typed list methods always sent it).
    /// </summary>
    private static string ListPath(string path, string? continueToken, string? fieldSelector, string? labelSelector, int? limit)
    {
        var query = new StringBuilder(path).Append('?');
        Add("continue", continueToken);
        Add("fieldSelector", fieldSelector);
        Add("labelSelector", labelSelector);
        Add("limit", limit?.ToString(CultureInfo.InvariantCulture));
        return query.Append("watch=false").ToString();

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }
        }
    }

    /// <summary>A LIST followed page by page with <c>continue</c> (kubectl's FollowContinue); no page is fetched twice.</summary>
    private async Task<IReadOnlyList<KubeObject>> ListAll(string operation, string path, string selector, CancellationToken cancellationToken)
    {
        var all = new List<KubeObject>();
        string? token = null;
        do
        {
            var (items, next) = await requests.CallAsync(operation, false, requestTimeout, HttpMethod.Get, ListPath(path, token, null, selector, pageSize), null,
                page => (Items(page), ListMeta(page, "continue")), cancellationToken).ConfigureAwait(false);
            all.AddRange(items);
            token = next;
        }
        while (!string.IsNullOrEmpty(token));

        return all;
    }

    /// <summary>A list's <c>items</c>; an answer whose items are not objects is not the list asked for.</summary>
    private static IReadOnlyList<KubeObject> Items(JsonObject list) => list["items"] switch
    {
        null => [],
        JsonArray items => items.Select(i => i is JsonObject o ? new KubeObject(o) : throw NotAList()).ToList(),
        _ => throw NotAList(),
    };

    private static JsonException NotAList() => new("The list's \"items\" are not an array of objects. Path: $.items");

    private static string? ListMeta(JsonObject list, string name) =>
        list["metadata"] is JsonObject metadata && metadata[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
