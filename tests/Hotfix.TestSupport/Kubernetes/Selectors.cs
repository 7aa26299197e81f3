using System.Text.Json.Nodes;

namespace Hotfix.TestSupport.Kubernetes;

/// <summary>
/// Label and field selectors as the API server parses them from a query string (the test server's own parser, written
/// from the API's grammar, so it can referee what the adapter and kubectl send).
/// </summary>
public static class Selectors
{
    /// <summary>Parses <c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c> into a predicate over labels.</summary>
    public static Func<IReadOnlyDictionary<string, string>, bool> Label(string? selector)
    {
        var tests = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(selector ?? string.Empty))
        {
            var p = part.Trim();
            if (p.Length == 0)
            {
                continue;
            }

            var inIndex = p.IndexOf(" in (", StringComparison.Ordinal);
            var notInIndex = p.IndexOf(" notin (", StringComparison.Ordinal);
            if (notInIndex > 0)
            {
                var key = p[..notInIndex].Trim();
                var values = Values(p[(notInIndex + 8)..]);
                tests.Add(l => !l.TryGetValue(key, out var v) || !values.Contains(v));
            }
            else if (inIndex > 0)
            {
                var key = p[..inIndex].Trim();
                var values = Values(p[(inIndex + 5)..]);
                tests.Add(l => l.TryGetValue(key, out var v) && values.Contains(v));
            }
            else if (p.Contains("!=", StringComparison.Ordinal))
            {
                var (key, value) = Split(p, "!=");
                tests.Add(l => !l.TryGetValue(key, out var v) || v != value);
            }
            else if (p.Contains("==", StringComparison.Ordinal) || p.Contains('=', StringComparison.Ordinal))
            {
                var (key, value) = Split(p, p.Contains("==", StringComparison.Ordinal) ? "==" : "=");
                tests.Add(l => l.TryGetValue(key, out var v) && v == value);
            }
            else if (p.StartsWith('!'))
            {
                var key = p[1..].Trim();
                tests.Add(l => !l.ContainsKey(key));
            }
            else
            {
                tests.Add(l => l.ContainsKey(p));
            }
        }

        return labels => tests.All(t => t(labels));
    }

    /// <summary>Field selectors the workload paths support: <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public static Func<JsonObject, bool> Field(string? selector)
    {
        var tests = new List<Func<JsonObject, bool>>();
        foreach (var part in (selector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = part.Contains("!=", StringComparison.Ordinal);
            var (field, value) = Split(part, negate ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            var path = field.Split('.');
            tests.Add(o =>
            {
                JsonNode? node = o;
                foreach (var step in path)
                {
                    node = node?[step];
                }

                return (node?.GetValue<string>() == value) != negate;
            });
        }

        return o => tests.All(t => t(o));
    }

    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject o) =>
        (o["metadata"]?["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty) ?? [];

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static HashSet<string> Values(string rest) =>
        rest.TrimEnd().TrimEnd(')').Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);

    private static (string Key, string Value) Split(string text, string op)
    {
        var i = text.IndexOf(op, StringComparison.Ordinal);
        return (text[..i].Trim(), text[(i + op.Length)..].Trim());
    }
}
