using System.Text;
using System.Text.Json;

namespace Hotfix.Policy.Policies;

/// <summary>
/// Finds keys that appear twice in one object of a policy file. System.Text.Json refuses such a file with "Duplicate
/// property … encountered" and no position, so the reader looks for them itself: each is reported with its JSON path
/// and the lines of both occurrences, the way a person finds them in an editor.
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
                                "each key once in an object (which one should count?)"));
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
