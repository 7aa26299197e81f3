using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Hotfix.Policy.Policies;

/// <summary>
/// Reads a hotfix.json object section by section: a top-level section the file does not contain is the runbook's
/// value as it is (<see cref="HotfixPolicy.Runbook"/>), a section it contains is merged over the runbook's and read
/// alone. The whole-model reader (<see cref="PolicyParser.ParseWholeModel"/>) serialises the whole runbook, merges and
/// deserialises the whole policy, so System.Text.Json creates and configures the metadata of every type in the model —
/// most of a policy load — even for a file of three keys. Only a clean read is final: any key that is not a section,
/// any null, any shape problem or any value that cannot be read returns null, and the caller reads the file with the
/// whole-model reader, which reports every problem as before. SectionedPolicyReaderTests prove the two equal.
/// </summary>
internal static class SectionedPolicyReader
{
    /// <summary>The top-level keys this reader knows, in the model's order (a test compares them with the metadata).</summary>
    public static readonly IReadOnlyList<string> SectionNames =
    [
        "helpBaseUri", "branches", "review", "tests", "environments", "deployment", "stabilityWindow", "metrics", "people",
        "decisions", "records", "components", "scope", "classification", "waivers", "notifications", "rules",
    ];

    /// <summary>The effective policy, or null when the file must go through the whole-model reader.</summary>
    public static HotfixPolicy? TryRead(JsonObject file)
    {
        foreach (var (key, value) in file)
        {
            // helpBaseUri may be null; the whole-model reader knows which keys may, so nulls go there.
            if (value is null || !SectionNames.Contains(key, StringComparer.Ordinal))
            {
                return null;
            }
        }

        var runbook = HotfixPolicy.Runbook;
        var reader = new Reader(file);
        try
        {
            var policy = new HotfixPolicy
            {
                HelpBaseUri = reader.Section("helpBaseUri", runbook.HelpBaseUri),
                Branches = reader.Section("branches", runbook.Branches),
                Review = reader.Section("review", runbook.Review),
                Tests = reader.Section("tests", runbook.Tests),
                Environments = reader.Section("environments", runbook.Environments),
                Deployment = reader.Section("deployment", runbook.Deployment),
                StabilityWindow = reader.Section("stabilityWindow", runbook.StabilityWindow),
                Metrics = reader.Section("metrics", runbook.Metrics),
                People = reader.Section("people", runbook.People),
                Decisions = reader.Section("decisions", runbook.Decisions),
                Records = reader.Section("records", runbook.Records),
                Components = reader.Section("components", runbook.Components),
                Scope = reader.Section("scope", runbook.Scope),
                Classification = reader.Section("classification", runbook.Classification),
                Waivers = reader.Section("waivers", runbook.Waivers),
                Notifications = reader.Section("notifications", runbook.Notifications),
                Rules = reader.Section("rules", runbook.Rules),
            };
            return reader.Clean && reader.Read == file.Count ? policy : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Reader(JsonObject file)
    {
        public bool Clean { get; private set; } = true;

        public int Read { get; private set; }

        public T Section<T>(string key, T runbookValue)
        {
            if (!Clean || !file.TryGetPropertyValue(key, out var given) || given is null)
            {
                return runbookValue;
            }

            Read++;

            // The metadata of this section's type only: asking the options for it creates and configures its graph.
            var type = (JsonTypeInfo<T>)PolicyJsonContext.Default.Options.GetTypeInfo(typeof(T));
            var problems = new List<PolicyProblem>();
            PolicyShapeChecker.Check(given, type, JsonPath.Child(JsonPath.Root, key), problems);
            if (problems.Count > 0)
            {
                Clean = false;
                return runbookValue;
            }

            // As the whole-model reader merges: objects key by key over the runbook's, anything else replaces.
            var value = given;
            if (given is JsonObject overlay && JsonSerializer.SerializeToNode(runbookValue, type) is JsonObject target)
            {
                PolicyParser.Merge(target, overlay);
                value = target;
            }

            return value.Deserialize(type)!;
        }
    }
}
