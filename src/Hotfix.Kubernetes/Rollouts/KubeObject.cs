using System.Globalization;
using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>
/// A Kubernetes object as the API server sent it (JSON), with the few accessors the rollout algorithms need.
/// The core works on JSON rather than on a client library's model so it stays free of I/O dependencies, and so the
/// pod template travels into a patch exactly as the server returned it.
/// </summary>
internal sealed class KubeObject
{
    public KubeObject(JsonObject json)
    {
        Json = json;
    }

    public JsonObject Json { get; }

    public string Kind => Text("kind") ?? string.Empty;

    public string Name => Text("metadata", "name") ?? string.Empty;

    public string Namespace => Text("metadata", "namespace") ?? string.Empty;

    public string Uid => Text("metadata", "uid") ?? string.Empty;

    public string ResourceVersion => Text("metadata", "resourceVersion") ?? string.Empty;

    public long Generation => Number("metadata", "generation") ?? 0;

    /// <summary>Creation time as the server wrote it (RFC 3339); parsed for ordering, invariant culture.</summary>
    public DateTimeOffset? CreationTimestamp =>
        DateTimeOffset.TryParse(Text("metadata", "creationTimestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public IReadOnlyDictionary<string, string> Labels => StringMap("metadata", "labels");

    public IReadOnlyDictionary<string, string> Annotations => StringMap("metadata", "annotations");

    /// <summary><c>metav1.IsControlledBy</c>: an owner reference with <c>controller: true</c> and the owner's uid.</summary>
    public bool IsControlledBy(KubeObject owner) =>
        Node("metadata", "ownerReferences") is JsonArray refs
        && refs.OfType<JsonObject>().Any(r =>
            r["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController
            && r["uid"]?.GetValue<string>() == owner.Uid && owner.Uid.Length > 0);

    public static KubeObject Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A Kubernetes object is a JSON object."));

    public JsonNode? Node(params string[] path)
    {
        JsonNode? node = Json;
        foreach (var part in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public string? Text(params string[] path) =>
        Node(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A whole number, whatever numeric type the node holds (parsed JSON, or values built in code).</summary>
    public long? Number(params string[] path) =>
        Node(path) is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
        && d is >= long.MinValue and <= long.MaxValue
            ? (long)d
            : null;

    public bool Flag(params string[] path) =>
        Node(path) is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public IReadOnlyDictionary<string, string> StringMap(params string[] path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Node(path) is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    map[key] = s;
                }
            }
        }

        return map;
    }
}
