using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>A patch the server cannot apply: the status code and message the API server would answer with.</summary>
public sealed class PatchException(int status, string message, string? cause = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The Status's <c>details.causes[0].message</c>, where the API server puts the real reason.</summary>
    public string? Cause { get; } = cause;
}

/// <summary>
/// The patch types the test server accepts, applied as the API server applies them: RFC 6902 JSON patch (add, remove,
/// replace, test — a failed <c>test</c> is a 422) and strategic merge patch (maps merge, <c>null</c> deletes,
/// <c>$patch: replace</c> replaces a map, lists are replaced — the workload paths never merge lists by key).
/// </summary>
public static class Patches
{
    public static JsonObject ApplyJsonPatch(JsonObject target, string body)
    {
        var result = (JsonObject)target.DeepClone();
        var ops = JsonNode.Parse(body) as JsonArray ?? throw new PatchException(400, "json patch must be an array");
        foreach (var op in ops.OfType<JsonObject>())
        {
            var path = op["path"]?.GetValue<string>() ?? throw new PatchException(400, "missing path");
            var (parent, key) = Resolve(result, path);
            switch (op["op"]?.GetValue<string>())
            {
                case "test":
                    var actual = Get(parent, key);
                    if (actual?.ToJsonString() != op["value"]?.ToJsonString())
                    {
                        throw new PatchException(422, $"testing value {path} failed: test failed");
                    }

                    break;
                case "replace":
                    if (Get(parent, key) is null && !(parent is JsonObject po && po.ContainsKey(key)))
                    {
                        throw new PatchException(422, $"replace operation does not apply: doc is missing path: {path}: missing value");
                    }

                    Set(parent, key, op["value"]?.DeepClone(), replace: true);
                    break;
                case "add":
                    Set(parent, key, op["value"]?.DeepClone(), replace: false);
                    break;
                case "remove":
                    if (parent is JsonObject o)
                    {
                        o.Remove(key);
                    }
                    else if (parent is JsonArray a)
                    {
                        a.RemoveAt(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    throw new PatchException(400, $"unsupported json patch op {op["op"]}");
            }
        }

        return result;
    }

    public static JsonObject ApplyMergePatch(JsonObject target, string body, bool strategic)
    {
        var patch = JsonNode.Parse(body) as JsonObject ?? throw new PatchException(400, "merge patch must be an object");
        return (JsonObject)Merge(target.DeepClone(), patch, strategic)!;
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, bool strategic)
    {
        if (patch is not JsonObject p)
        {
            return patch?.DeepClone();
        }

        if (strategic && p["$patch"]?.GetValue<string>() == "replace")
        {
            var replaced = (JsonObject)p.DeepClone();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in p)
        {
            if (strategic && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Merge(result[key]?.DeepClone(), value, strategic);
                result[key] = merged;
            }
        }

        return result;
    }

    private static (JsonNode Parent, string Key) Resolve(JsonObject root, string pointer)
    {
        var parts = pointer.Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        JsonNode node = root;
        foreach (var part in parts.Take(parts.Count - 1))
        {
            node = (node is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node[part])
                ?? throw new PatchException(422, $"doc is missing path: {pointer}");
        }

        return (node, parts[^1]);
    }

    private static JsonNode? Get(JsonNode parent, string key) =>
        parent is JsonArray a ? (int.TryParse(key, out var i) && i < a.Count ? a[i] : null) : parent[key];

    private static void Set(JsonNode parent, string key, JsonNode? value, bool replace)
    {
        if (parent is JsonArray a)
        {
            if (key == "-")
            {
                a.Add(value);
            }
            else if (replace)
            {
                a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
            }
            else
            {
                a.Insert(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), value);
            }
        }
        else
        {
            ((JsonObject)parent)[key] = value;
        }
    }
}
