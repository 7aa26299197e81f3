using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>Pod-template helpers with kubectl's meaning of "the same template".</summary>
internal static class PodTemplates
{
    /// <summary>
    /// kubectl's <c>equalIgnoreHash</c>: the two templates are equal once <c>pod-template-hash</c> is removed from both.
    /// kubectl compares Go structs with <c>apiequality.Semantic.DeepEqual</c>, where a nil and an empty list or map are
    /// equal; on JSON that is "absent, null, [] and {} are the same value". Numbers compare by value.
    /// </summary>
    public static bool EqualIgnoringHash(JsonNode? a, JsonNode? b) =>
        SemanticEquals(WithoutHash(a), WithoutHash(b));

    /// <summary>A copy of the template without the <c>pod-template-hash</c> label (kubectl removes it before patching).</summary>
    public static JsonObject WithoutHash(JsonNode? template)
    {
        var copy = template?.DeepClone() as JsonObject ?? [];
        if (copy["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labels)
        {
            labels.Remove(KubernetesKeys.PodTemplateHash);
        }

        return copy;
    }

    /// <summary>Containers then init containers, with their images, in template order.</summary>
    public static IReadOnlyList<ContainerImage> Images(JsonNode? template)
    {
        var images = new List<ContainerImage>();
        foreach (var (list, init) in new[] { ("containers", false), ("initContainers", true) })
        {
            if (template?["spec"]?[list] is JsonArray containers)
            {
                foreach (var c in containers.OfType<JsonObject>())
                {
                    images.Add(new ContainerImage(Str(c["name"]), Str(c["image"]), init));
                }
            }
        }

        return images;
    }

    /// <summary>Deep equality with Go's nil-versus-empty rule (see <see cref="EqualIgnoringHash"/>).</summary>
    public static bool SemanticEquals(JsonNode? a, JsonNode? b)
    {
        if (IsEmpty(a) && IsEmpty(b))
        {
            return true;
        }

        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!SemanticEquals(x[key], y[key]))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => SemanticEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                var (ex, ey) = (x.GetValueKind(), y.GetValueKind());
                if (ex == JsonValueKind.Number && ey == JsonValueKind.Number)
                {
                    return decimal.TryParse(x.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dx)
                        && decimal.TryParse(y.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dy)
                        ? dx == dy
                        : x.ToJsonString() == y.ToJsonString();
                }

                return ex == ey && x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }

    /// <summary>Go's zero value of a map, slice or struct pointer: nothing, null, [], {} or an object of only such members.</summary>
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.All(p => IsEmpty(p.Value)),
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.Null,
        _ => false,
    };

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
}
