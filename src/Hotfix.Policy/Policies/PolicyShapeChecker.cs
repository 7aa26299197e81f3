using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Hotfix.Policy.Policies;

/// <summary>
/// Checks a policy document's structure against the policy model's own JSON metadata: unknown keys (a typo must not
/// silently disable a rule) and values of the wrong JSON type. Reports every problem, with its JSON path.
/// Driven by the source-generated metadata, so docs, model and checker cannot drift apart.
/// </summary>
/// <remarks>
/// The checker also repairs the document it reports on, so that the rest of the file can still be checked for meaning
/// in the same run ("every problem is reported at once"): a value it reports is removed (the runbook's value then
/// applies), except a whole number too large for its type, which is clamped to that type's range so the meaning check
/// can name the range the key allows. <see cref="Clamped"/> lists those paths.
/// </remarks>
internal sealed class PolicyShapeChecker
{
    private readonly List<PolicyProblem> problems;
    private readonly HashSet<string> clamped = new(StringComparer.Ordinal);

    // Applied once the walk is done: a JsonObject must not change while it is being enumerated.
    private readonly List<Action> repairs = [];

    private PolicyShapeChecker(List<PolicyProblem> problems) => this.problems = problems;

    /// <summary>The paths of whole numbers too large for their type, clamped in the document to that type's range.</summary>
    public IReadOnlySet<string> Clamped => clamped;

    /// <summary>Adds every shape problem of <paramref name="node"/> to <paramref name="problems"/>; see the remarks.</summary>
    public static PolicyShapeChecker Check(JsonNode? node, JsonTypeInfo type, string path, List<PolicyProblem> problems)
    {
        var checker = new PolicyShapeChecker(problems);
        checker.CheckNode(node, type, path);
        checker.repairs.ForEach(repair => repair());
        return checker;
    }

    private void CheckNode(JsonNode? node, JsonTypeInfo type, string path)
    {
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(node, type, path);
                break;
            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                {
                    problems.Add(new PolicyProblem(path, Describe(node), "an object"));
                    return;
                }

                var valueType = type.Options.GetTypeInfo(type.ElementType!);
                var rejected = new List<string>();
                foreach (var (key, value) in map)
                {
                    if (!CheckMember(value, valueType, JsonPath.Child(path, key), nullable: false))
                    {
                        rejected.Add(key);
                    }
                }

                repairs.AddRange(rejected.Select(key => (Action)(() => map.Remove(key))));
                break;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    problems.Add(new PolicyProblem(path, Describe(node), "an array"));
                    return;
                }

                // An array replaces the runbook's whole: one bad element makes the parent drop the array (CheckMember).
                var elementType = type.Options.GetTypeInfo(type.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], elementType, $"{path}[{i}]", nullable: false);
                }

                break;
            default:
                CheckValue(node, type, path, nullable: false);
                break;
        }
    }

    private void CheckObject(JsonNode? node, JsonTypeInfo type, string path)
    {
        if (node is not JsonObject obj)
        {
            problems.Add(new PolicyProblem(path, Describe(node), "an object"));
            return;
        }

        var properties = type.Properties.Where(p => p.Set is not null).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var (key, value) in obj)
        {
            var childPath = JsonPath.Child(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                var known = properties.Keys.Order(StringComparer.Ordinal).ToList();
                var suggestion = Suggestions.Closest(key, known);
                problems.Add(new PolicyProblem(
                    childPath,
                    $"unknown key '{key}'",
                    $"one of {string.Join(", ", known)}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")));
                rejected.Add(key);
                continue;
            }

            if (!CheckMember(value, type.Options.GetTypeInfo(property.PropertyType), childPath, property.IsSetNullable))
            {
                rejected.Add(key);
            }
        }

        repairs.AddRange(rejected.Select(key => (Action)(() => obj.Remove(key))));
    }

    /// <summary>
    /// Checks a member of an object or map; false when the member must be removed: it is wrong itself, or it is an
    /// array or plain value with a problem inside. An object with problems inside was repaired key by key instead.
    /// </summary>
    private bool CheckMember(JsonNode? value, JsonTypeInfo type, string path, bool nullable)
    {
        var before = problems.Count;
        CheckValue(value, type, path, nullable);
        return problems.Count == before
            || (value is JsonObject && type.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary)
            || clamped.Contains(path);
    }

    private void CheckValue(JsonNode? node, JsonTypeInfo type, string path, bool nullable)
    {
        if (node is null)
        {
            if (!nullable)
            {
                problems.Add(new PolicyProblem(path, "null", ExpectedFor(type)));
            }

            return;
        }

        if (type.Kind != JsonTypeInfoKind.None)
        {
            CheckNode(node, type, path);
            return;
        }

        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        var kind = node.GetValueKind();
        if ((clr == typeof(int) || clr == typeof(long)) && TryClamp(node, clr, path))
        {
            return;
        }

        var ok = clr == typeof(string) ? kind == JsonValueKind.String
            : clr == typeof(bool) ? kind is JsonValueKind.True or JsonValueKind.False
            : clr == typeof(int) ? kind == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out _)
            : clr == typeof(long) ? kind == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out _)
            : clr == typeof(double) ? kind == JsonValueKind.Number
            : clr == typeof(TestCommand) ? kind == JsonValueKind.String || (node is JsonArray words && words.All(w => w?.GetValueKind() == JsonValueKind.String))
            : true;
        if (!ok)
        {
            problems.Add(new PolicyProblem(path, Describe(node), ExpectedFor(type)));
        }
    }

    /// <summary>
    /// A whole number beyond the range of <paramref name="clr"/> (int or long) is reported with that range and replaced
    /// by the nearest end of it: "expected a whole number" would be wrong — it is one.
    /// </summary>
    private bool TryClamp(JsonNode node, Type clr, string path)
    {
        if (node.GetValueKind() != JsonValueKind.Number
            || !node.AsValue().TryGetValue<double>(out var number)
            || double.IsInfinity(number)
            || Math.Floor(number) != number)
        {
            return false;
        }

        var (min, max) = clr == typeof(int) ? ((double)int.MinValue, (double)int.MaxValue) : (long.MinValue, long.MaxValue);
        if (number >= min && number <= max)
        {
            return false;
        }

        JsonNode nearest = clr == typeof(int)
            ? JsonValue.Create(number < 0 ? int.MinValue : int.MaxValue)
            : JsonValue.Create(number < 0 ? long.MinValue : long.MaxValue);
        var range = clr == typeof(int)
            ? string.Create(CultureInfo.InvariantCulture, $"{int.MinValue} to {int.MaxValue}")
            : string.Create(CultureInfo.InvariantCulture, $"{long.MinValue} to {long.MaxValue}");
        problems.Add(new PolicyProblem(path, Describe(node), "a whole number from " + range));
        repairs.Add(() =>
        {
            switch (node.Parent)
            {
                case JsonObject owner:
                    owner[node.GetPropertyName()] = nearest;
                    break;
                case JsonArray list:
                    list[node.GetElementIndex()] = nearest;
                    break;
            }
        });
        clamped.Add(path);
        return true;
    }

    private static string ExpectedFor(JsonTypeInfo type)
    {
        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Dictionary => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ when clr == typeof(string) => "a string",
            _ when clr == typeof(bool) => "true or false",
            _ when clr == typeof(int) || clr == typeof(long) => "a whole number",
            _ when clr == typeof(double) => "a number",
            _ when clr == typeof(TestCommand) => TestCommandJsonConverter.ExpectedForm,
            _ => "a value of type " + clr.Name,
        };
    }

    /// <summary>A short description of a JSON value for messages: strings quoted, long values cut.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => Cut(node.ToJsonString()),
            _ => Cut(node.ToJsonString()),
        };
    }

    private static string Cut(string text) =>
        text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...").ToString(CultureInfo.InvariantCulture);
}
