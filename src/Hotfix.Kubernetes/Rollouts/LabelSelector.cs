using System.Text.Json.Nodes;
using Hotfix.Policy.Workloads;

namespace Hotfix.Kubernetes.Rollouts;

/// <summary>One <c>matchExpressions</c> entry: key, operator (In, NotIn, Exists, DoesNotExist) and values.</summary>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values);

/// <summary>
/// A workload's <c>spec.selector</c> (matchLabels and matchExpressions), rendered as the label-selector query that
/// kubectl sends (<c>metav1.LabelSelectorAsSelector(...).String()</c>): requirements sorted by key, values of
/// set requirements sorted, <c>key=value</c>, <c>key in (a,b)</c>, <c>key notin (a,b)</c>, <c>key</c>, <c>!key</c>.
/// </summary>
internal sealed class LabelSelector
{
    public LabelSelector(IReadOnlyDictionary<string, string> matchLabels, IReadOnlyList<LabelRequirement> matchExpressions)
    {
        MatchLabels = matchLabels;
        MatchExpressions = matchExpressions;
    }

    public IReadOnlyDictionary<string, string> MatchLabels { get; }

    public IReadOnlyList<LabelRequirement> MatchExpressions { get; }

    /// <summary>True when the selector selects nothing in particular (kubectl treats an empty selector as "everything").</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>Reads <c>spec.selector</c>; an unknown operator is an error, as in the API server.</summary>
    public static LabelSelector From(JsonNode? selector)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<LabelRequirement>();
        if (selector is JsonObject s)
        {
            if (s["matchLabels"] is JsonObject matchLabels)
            {
                foreach (var (key, value) in matchLabels)
                {
                    labels[key] = value?.GetValue<string>() ?? string.Empty;
                }
            }

            if (s["matchExpressions"] is JsonArray matchExpressions)
            {
                foreach (var e in matchExpressions.OfType<JsonObject>())
                {
                    var op = e["operator"]?.GetValue<string>() ?? string.Empty;
                    if (op is not ("In" or "NotIn" or "Exists" or "DoesNotExist"))
                    {
                        throw new FormatException($"\"{op}\" is not a valid label selector operator");
                    }

                    var values = (e["values"] as JsonArray)?.Select(v => v?.GetValue<string>() ?? string.Empty).ToList() ?? [];
                    expressions.Add(new LabelRequirement(e["key"]?.GetValue<string>() ?? string.Empty, op, values));
                }
            }
        }

        return new LabelSelector(labels, expressions);
    }

    /// <summary>The query string value for <c>labelSelector=</c>, in kubectl's order and spelling.</summary>
    public override string ToString()
    {
        var parts = new List<(string Key, string Text)>();
        foreach (var (key, value) in MatchLabels)
        {
            parts.Add((key, $"{key}={value}"));
        }

        foreach (var e in MatchExpressions)
        {
            var values = string.Join(',', e.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            parts.Add((e.Key, e.Operator switch
            {
                "In" => $"{e.Key} in ({values})",
                "NotIn" => $"{e.Key} notin ({values})",
                "Exists" => e.Key,
                _ => "!" + e.Key,
            }));
        }

        // Sorted by key (Go's sort.Sort(ByKey)), so "!canary" sorts as "canary"; the referee tests check this against
        // kubectl. Go's sort is not stable, but equal keys only arise from the same key in matchLabels and
        // matchExpressions, and a stable sort keeps matchLabels first, kubectl's insertion order.
        return string.Join(',', parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Text));
    }

    /// <summary>Whether a set of labels is selected (the same meaning the API server gives the query).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var e in MatchExpressions)
        {
            var has = labels.TryGetValue(e.Key, out var actual);
            var ok = e.Operator switch
            {
                "In" => has && e.Values.Contains(actual!),
                "NotIn" => !has || !e.Values.Contains(actual!),
                "Exists" => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
