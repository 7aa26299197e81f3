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
internal static class PolicyShapeChecker
{
    public static void Check(JsonNode? node, JsonTypeInfo type, string path, List<PolicyProblem> problems)
    {
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(node, type, path, problems);
                break;
            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                {
                    problems.Add(new PolicyProblem(path, Describe(node), "an object"));
                    return;
                }

                var valueType = type.Options.GetTypeInfo(type.ElementType!);
                foreach (var (key, value) in map)
                {
                    CheckValue(value, valueType, JsonPath.Child(path, key), problems, nullable: false);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    problems.Add(new PolicyProblem(path, Describe(node), "an array"));
                    return;
                }

                var elementType = type.Options.GetTypeInfo(type.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], elementType, $"{path}[{i}]", problems, nullable: false);
                }

                break;
            default:
                CheckValue(node, type, path, problems, nullable: false);
                break;
        }
    }

    private static void CheckObject(JsonNode? node, JsonTypeInfo type, string path, List<PolicyProblem> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add(new PolicyProblem(path, Describe(node), "an object"));
            return;
        }

        var properties = type.Properties.Where(p => p.Set is not null).ToDictionary(p => p.Name, StringComparer.Ordinal);
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
                continue;
            }

            CheckValue(value, type.Options.GetTypeInfo(property.PropertyType), childPath, problems, property.IsSetNullable);
        }
    }

    private static void CheckValue(JsonNode? node, JsonTypeInfo type, string path, List<PolicyProblem> problems, bool nullable)
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
            Check(node, type, path, problems);
            return;
        }

        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        var kind = node.GetValueKind();
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
