using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotfix.Policy.Policies;

/// <summary>
/// Finds keys that appear twice in one object of a policy file. System.Text.Json refuses such a file with "Duplicate
/// property … encountered" and no position, so the reader looks for them itself: each is reported with its JSON path
/// and the lines of both occurrences, the way a person finds them in an editor. The rest of the file is then read
/// keeping each repeated key's last value (what System.Text.Json keeps when it allows duplicates), and the problem
/// says so, since the other problems reported were found with that value.
/// </summary>
internal static class DuplicateKeys
{
    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Key { get; set; }

        public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Every repeated key, in file order; empty when there is none (or a syntax error comes first).</summary>
    public static IReadOnlyList<PolicyProblem> Find(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var problems = new List<PolicyProblem>();
        var frames = new Stack<Frame>();
        var line = 1;
        var counted = 0L;
        try
        {
            while (reader.Read())
            {
                line += bytes.AsSpan((int)counted, (int)(reader.TokenStartIndex - counted)).Count((byte)'\n');
                counted = reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var key = reader.GetString()!;
                        frame.Key = key;
                        if (frame.KeyLines.TryGetValue(key, out var first))
                        {
                            problems.Add(new PolicyProblem(
                                $"{JsonPath.Child(frame.Path, key)} (line {line})",
                                $"the key a second time (first on line {first})",
                                "each key once in an object (the other checks read its last value)"));
                        }
                        else
                        {
                            frame.KeyLines[key] = line;
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Push(new Frame(ValuePath(frames), reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        ValuePath(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error: the caller reports it; the keys repeated before it are still worth naming.
        }

        return problems;
    }

    /// <summary>
    /// The file as a node, each repeated key holding its last value. <c>JsonNode.Parse</c>
    /// cannot do it: with duplicates allowed it defers the check and throws when the object is first enumerated.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonNode? ReadKeepingLast(string json, JsonDocumentOptions options)
    {
        using var document = JsonDocument.Parse(json, options);
        return ToNode(document.RootElement);
    }

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    // The indexer replaces a value already there: the last occurrence wins, in the first one's place.
                    result[property.Name] = ToNode(property.Value);
                }

                return result;
            case JsonValueKind.Array:
                return new JsonArray(element.EnumerateArray().Select(ToNode).ToArray());
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>The path of the value starting now; in an array it also moves to the next index.</summary>
    private static string ValuePath(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return JsonPath.Root;
        }

        var parent = frames.Peek();
        return parent.IsArray ? $"{parent.Path}[{parent.Index++}]" : JsonPath.Child(parent.Path, parent.Key!);
    }
}
