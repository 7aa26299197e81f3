using System.Text.Json.Serialization.Metadata;
using Hotfix.Policy.Policies;
using Hotfix.TestSupport;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>docs/policy.md must document every key the policy model accepts, and no key it does not.</summary>
public class PolicyDocumentationTests
{
    [Fact]
    public void Every_policy_key_is_documented()
    {
        var documented = File.ReadAllText(SourceTree.PathOf("docs", "policy.md"));
        var missing = KeyPaths(PolicyJsonContext.Default.HotfixPolicy, string.Empty)
            .Where(key => !documented.Contains($"`{key}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/policy.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void Documented_keys_exist()
    {
        var keys = KeyPaths(PolicyJsonContext.Default.HotfixPolicy, string.Empty).ToHashSet();
        var headings = File.ReadLines(SourceTree.PathOf("docs", "policy.md"))
            .Where(l => l.StartsWith("### `", StringComparison.Ordinal))
            .Select(l => l[5..l.IndexOf('`', 5)]);
        Assert.All(headings, h => Assert.Contains(h, keys));
    }

    private static IEnumerable<string> KeyPaths(JsonTypeInfo type, string prefix)
    {
        foreach (var property in type.Properties.Where(p => p.Set is not null))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            yield return path;
            var child = type.Options.GetTypeInfo(property.PropertyType);
            var childPrefix = path;
            while (child.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                childPrefix += child.Kind == JsonTypeInfoKind.Dictionary ? ".*" : "[]";
                child = type.Options.GetTypeInfo(child.ElementType!);
            }

            if (child.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var nested in KeyPaths(child, childPrefix))
                {
                    yield return nested;
                }
            }
        }
    }
}
