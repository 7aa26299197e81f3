using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hotfix.TestSupport;

/// <summary>
/// hotfix.json texts for comparing two policy readers: made from base documents (the runbook's effective policy, the
/// sample policies) by taking sections away or alone, setting one key at any depth, giving values of every JSON type,
/// nulls, unknown keys at every level, comments and trailing commas, and by breaking the syntax. Deterministic: the same
/// bases give the same texts in the same order. Most are valid, many are not; which is which is the readers' call.
/// </summary>
public static partial class PolicyVariations
{
    private static readonly JsonNode?[] OtherValues = [JsonValue.Create("text"), JsonValue.Create(3), JsonValue.Create(2.5), JsonValue.Create(true), null, new JsonArray(), new JsonObject(), new JsonArray(1), JsonNode.Parse("1e400"), JsonValue.Create(3000000000L)];

    /// <summary>Every variation of <paramref name="bases"/>, named by how it was made.</summary>
    public static IEnumerable<(string Name, string Json)> Of(IReadOnlyList<(string Name, string Json)> bases, IReadOnlyList<string> sections)
    {
        foreach (var (name, json) in bases)
        {
            yield return (name, json);
            var document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            foreach (var variation in SectionsAloneAndAway(name, document, sections))
            {
                yield return variation;
            }

            foreach (var variation in EveryPath(name, document))
            {
                yield return variation;
            }

            yield return (name + ", with comments and trailing commas", Loose(document));
            foreach (var variation in Broken(name, json))
            {
                yield return variation;
            }
        }

        foreach (var variation in Subsets(bases, sections))
        {
            yield return variation;
        }

        foreach (var text in (string[])["{}", "", " ", "null", "[]", "1", "\"hotfix\"", "\uFEFF{}", "{ \"branches\": {}, \"branches\": {} }", "{ \"branches\": { \"main\": \"a\", \"main\": \"b\" } }", "{ \"branches\": {} } {}", "{ \"branches\": { } ", "{ 'branches': {} }", "{ branches: {} }"])
        {
            yield return ("text " + JsonSerializer.Serialize(text), text);
        }
    }

    /// <summary>The JSON objects written as raw string literals in C# files under <paramref name="folder"/> (test inputs).</summary>
    public static IEnumerable<(string Name, string Json)> InSourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (Match match in RawLiteral().Matches(File.ReadAllText(file)))
            {
                var text = match.Groups[1].Value.Trim();
                if (text.StartsWith('{'))
                {
                    yield return ($"{Path.GetFileName(file)} at {match.Index}", text);
                }
            }
        }
    }

    /// <summary>The ```json blocks of the Markdown files under <paramref name="folder"/> that are JSON objects.</summary>
    public static IEnumerable<(string Name, string Json)> InMarkdownFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match match in JsonBlock().Matches(File.ReadAllText(file)))
            {
                var text = match.Groups[1].Value.Trim();
                if (text.StartsWith('{'))
                {
                    yield return ($"{Path.GetFileName(file)} at {match.Index}", text);
                }
            }
        }
    }

    private static IEnumerable<(string, string)> SectionsAloneAndAway(string name, JsonObject document, IReadOnlyList<string> sections)
    {
        foreach (var section in sections)
        {
            if (document.TryGetPropertyValue(section, out var value))
            {
                yield return ($"{name}, {section} alone", new JsonObject { [section] = value?.DeepClone() }.ToJsonString());
                var without = document.DeepClone().AsObject();
                without.Remove(section);
                yield return ($"{name} without {section}", without.ToJsonString());
            }
        }
    }

    private static IEnumerable<(string, string)> Subsets(IReadOnlyList<(string Name, string Json)> bases, IReadOnlyList<string> sections)
    {
        var random = new Random(15);
        foreach (var (name, json) in bases)
        {
            var document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            for (var i = 0; i < 40; i++)
            {
                var subset = new JsonObject();
                foreach (var section in sections.Where(s => document.ContainsKey(s) && random.Next(2) == 0))
                {
                    subset[section] = document[section]?.DeepClone();
                }

                yield return ($"{name}, sections {string.Join("+", subset.Select(p => p.Key))}", subset.ToJsonString());
            }
        }
    }

    // Every node of the document: given alone (the keys above it only) and within the whole document, with its value,
    // a changed value and values of every other JSON type; every object also with a key it does not know and without
    // each of its keys.
    private static IEnumerable<(string, string)> EveryPath(string name, JsonObject document)
    {
        foreach (var (path, node) in Nodes(document, []))
        {
            var where = string.Join(".", path.Select(p => p.ToString()));
            var inObjectsOnly = path.All(p => p is string);
            foreach (var value in (JsonNode?[])[node?.DeepClone(), .. Changed(node), .. OtherValues.Select(v => v?.DeepClone())])
            {
                var label = value?.ToJsonString() ?? "null";
                if (inObjectsOnly)
                {
                    yield return ($"{name}: {where} = {label} alone", Only(path, value?.DeepClone()).ToJsonString());
                }

                yield return ($"{name}: {where} = {label}", With(document, path, value?.DeepClone()).ToJsonString());
            }

            if (node is JsonObject obj)
            {
                var unknown = (JsonObject)obj.DeepClone();
                unknown["notAKey"] = 1;
                unknown[obj.Select(p => p.Key).FirstOrDefault() is { Length: > 1 } first ? first[..^1] : "x"] = "typo";
                yield return ($"{name}: {where} with unknown keys", With(document, path, unknown.DeepClone()).ToJsonString());
                if (inObjectsOnly)
                {
                    yield return ($"{name}: {where} with unknown keys alone", Only(path, unknown).ToJsonString());
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var without = (JsonObject)obj.DeepClone();
                    without.Remove(key);
                    yield return ($"{name}: {where} without {key}", With(document, path, without).ToJsonString());
                }
            }
        }
    }

    private static IEnumerable<(List<object> Path, JsonNode? Node)> Nodes(JsonNode? node, List<object> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    List<object> childPath = [.. path, key];
                    yield return (childPath, child);
                    foreach (var inner in Nodes(child, childPath))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    List<object> childPath = [.. path, i];
                    yield return (childPath, array[i]);
                    foreach (var inner in Nodes(array[i], childPath))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static IEnumerable<JsonNode?> Changed(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                yield return new JsonArray();
                if (array.Count > 0)
                {
                    yield return new JsonArray(array[0]?.DeepClone());
                    yield return new JsonArray(array[0]?.DeepClone(), array[0]?.DeepClone());
                    yield return new JsonArray([.. array.Reverse().Select(e => e?.DeepClone())]);
                }

                break;
            case JsonObject:
                yield return new JsonObject();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                yield return JsonValue.Create(text + "-2");
                yield return JsonValue.Create(string.Empty);
                yield return JsonValue.Create(text.ToUpperInvariant());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var number = value.GetValue<double>();
                yield return JsonValue.Create(number + 1);
                yield return JsonValue.Create(number - 1);
                yield return JsonValue.Create(0);
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                yield return JsonValue.Create(value.GetValueKind() == JsonValueKind.False);
                break;
        }
    }

    private static JsonObject Only(List<object> path, JsonNode? value)
    {
        JsonNode? node = value;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            node = new JsonObject { [(string)path[i]] = node };
        }

        return (JsonObject)node!;
    }

    private static JsonObject With(JsonObject document, List<object> path, JsonNode? value)
    {
        var copy = (JsonObject)document.DeepClone();
        JsonNode parent = copy;
        foreach (var step in path.Take(path.Count - 1))
        {
            parent = step is string key ? parent[key]! : parent[(int)step]!;
        }

        if (path[^1] is string last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(int)path[^1]] = value;
        }

        return copy;
    }

    private static IEnumerable<(string, string)> Broken(string name, string json)
    {
        for (var cut = 1; cut < json.Length; cut += Math.Max(1, json.Length / 12))
        {
            yield return ($"{name} cut at {cut}", json[..cut]);
        }

        yield return ($"{name} twice", json + json);
        yield return ($"{name} with a duplicate key", json.TrimEnd().TrimEnd('}') + (json.Contains(':', StringComparison.Ordinal) ? ", " : string.Empty) + "\"rules\": {}, \"rules\": {} }");
    }

    // The document written with a comment before every value and a trailing comma after every last member.
    private static string Loose(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node);
        return text.ToString();

        void Write(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject obj:
                    text.Append("{ // object\n");
                    foreach (var (key, child) in obj)
                    {
                        text.Append("  /* key */ ").Append(JsonSerializer.Serialize(key)).Append(": ");
                        Write(child);
                        text.Append(",\n");
                    }

                    text.Append('}');
                    break;
                case JsonArray array:
                    text.Append("[ /* array */ ");
                    foreach (var child in array)
                    {
                        Write(child);
                        text.Append(", ");
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append(n?.ToJsonString() ?? "null");
                    break;
            }
        }
    }

    [GeneratedRegex("\"\"\"(.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    [GeneratedRegex("```jsonc?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
