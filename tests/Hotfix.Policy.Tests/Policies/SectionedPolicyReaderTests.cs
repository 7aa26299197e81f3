using System.Text.Json.Nodes;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.TestSupport;
using Xunit.Abstractions;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>
/// The section-by-section reader against the whole-model reader it replaces on valid files: over the runbook, the
/// sample policies, every JSON object the tests and docs write, and thousands of variations of them
/// (<see cref="PolicyVariations"/>), <see cref="PolicyParser.Parse"/> and <see cref="PolicyParser.ParseWholeModel"/> give
/// the same effective policy (as JSON) or the same problems in the same order; and the section reader itself, wherever
/// it answers, answers what the whole-model reader reads.
/// </summary>
public class SectionedPolicyReaderTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<(string Name, string Json)>> Inputs = new(() =>
    {
        List<(string, string)> bases =
        [
            ("runbook", PolicyParser.ToJson(HotfixPolicy.Runbook)),
            ("sample policy", File.ReadAllText(SourceTree.PathOf("samples", "policies", "hotfix.json"))),
            ("benchmark policy", File.ReadAllText(SourceTree.PathOf("benchmarks", "branch-workflow", "small-hotfix.json"))),
            ("every key set", EveryKeySet()),
        ];
        return
        [
            .. PolicyVariations.Of(bases, SectionedPolicyReader.SectionNames),
            .. PolicyVariations.InSourceFiles(SourceTree.PathOf("tests")),
            .. PolicyVariations.InMarkdownFiles(SourceTree.PathOf("docs")),
        ];
    });

    [Fact]
    public void The_sections_are_the_models_top_level_keys_in_its_order()
    {
        var properties = PolicyJsonContext.Default.HotfixPolicy.Properties.Where(p => p.Set is not null).Select(p => p.Name);

        Assert.Equal(properties, SectionNames());
    }

    [Fact]
    public void Both_readers_give_the_same_policy_or_the_same_problems()
    {
        var differences = new List<string>();
        foreach (var (name, json) in Inputs.Value)
        {
            var difference = Difference(() => PolicyParser.Parse(json, "hotfix.json"), () => PolicyParser.ParseWholeModel(json, "hotfix.json"));
            if (difference is not null)
            {
                differences.Add($"{name}: {difference}\n    {json}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {Inputs.Value.Count} inputs differ:\n" + string.Join("\n", differences.Take(20)));
    }

    [Fact]
    public void Where_the_section_reader_answers_it_reads_what_the_whole_model_reader_reads()
    {
        var answered = 0;
        var valid = 0;
        var sectionsRead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, json) in Inputs.Value)
        {
            if (Object(json) is not { } file || SectionedPolicyReader.TryRead(file) is not { } policy)
            {
                continue;
            }

            answered++;
            var (reference, thrown) = Outcome(() => PolicyParser.ParseWholeModel(json, "hotfix.json"));
            Assert.True(thrown is null, $"the whole-model reader threw {thrown?.GetType().Name} (exit 70) on {json}");

            // The whole-model reader found no problem of syntax or shape either: only meaning (the validator's) remains.
            var problems = HotfixPolicyValidator.Check(policy).Select(p => (p.Path, p.Found, p.Expected));
            Assert.True(problems.SequenceEqual(reference!.Problems.Select(p => (p.Path, p.Found, p.Expected))), $"{name}: problems differ\n    {json}");
            if (reference.IsValid)
            {
                valid++;
                Assert.True(PolicyParser.ToJson(policy) == PolicyParser.ToJson(reference.Policy!), $"{name}: policies differ\n    {json}");
                sectionsRead.UnionWith(file.Select(p => p.Key));
            }
        }

        output.WriteLine($"{Inputs.Value.Count} inputs; the section reader answered {answered}, {valid} of them valid");

        // Not a test that passes because the reader never answers: it reads most inputs, and every section in some.
        Assert.True(answered > Inputs.Value.Count / 4, $"the section reader answered {answered} of {Inputs.Value.Count} inputs");
        Assert.True(valid > 500, $"only {valid} valid inputs were read by sections");
        Assert.Equal(SectionNames().Order(StringComparer.Ordinal), sectionsRead.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_without_sections_is_the_runbook_itself()
    {
        Assert.Same(HotfixPolicy.Runbook.Scope, PolicyParser.Parse("""{ "branches": { "main": "master" } }""", "hotfix.json").Policy!.Scope);
    }

    [Theory]
    [InlineData("""{ "helpBaseUri": null }""")]
    [InlineData("""{ "rulez": {} }""")]
    [InlineData("""{ "branches": { "mian": "x" } }""")]
    public void What_the_section_reader_leaves_goes_to_the_whole_model_reader(string json)
    {
        Assert.Null(SectionedPolicyReader.TryRead(Object(json)!));
        Assert.Equal(
            PolicyParser.ParseWholeModel(json, "hotfix.json").Problems.Select(p => p.ToString()),
            PolicyParser.Parse(json, "hotfix.json").Problems.Select(p => p.ToString()));
    }

    private static IEnumerable<string> SectionNames() => SectionedPolicyReader.SectionNames;

    // Neither reader may throw on any file: an exception is exit 70, a bug, where the file deserves a message.
    private static string? Difference(Func<PolicyLoadResult> readNew, Func<PolicyLoadResult> readReference)
    {
        var (read, thrown) = Outcome(readNew);
        var (reference, thrownByReference) = Outcome(readReference);
        if (thrown is not null || thrownByReference is not null)
        {
            return $"threw {thrown?.GetType().Name ?? "nothing"}, the reference {thrownByReference?.GetType().Name ?? "nothing"}";
        }

        return Difference(read!, reference!);
    }

    private static (PolicyLoadResult? Result, Exception? Thrown) Outcome(Func<PolicyLoadResult> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return (null, e);
        }
    }

    private static string? Difference(PolicyLoadResult read, PolicyLoadResult reference)
    {
        if (read.Source != reference.Source || read.IsValid != reference.IsValid)
        {
            return $"valid {read.IsValid}, the reference {reference.IsValid}";
        }

        var problems = read.Problems.Select(p => p.ToString()).ToList();
        var expected = reference.Problems.Select(p => p.ToString()).ToList();
        if (!problems.SequenceEqual(expected))
        {
            return $"problems [{string.Join("; ", problems)}], the reference [{string.Join("; ", expected)}]";
        }

        return read.IsValid && PolicyParser.ToJson(read.Policy!) != PolicyParser.ToJson(reference.Policy!) ? "the policies differ" : null;
    }

    private static JsonObject? Object(string json)
    {
        try
        {
            // As PolicyParser reads it: duplicate keys are a syntax error there.
            return JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // The runbook with every optional value the runbook leaves empty given too (nested array elements, nullables).
    private static string EveryKeySet()
    {
        var document = JsonNode.Parse(PolicyParser.ToJson(HotfixPolicy.Runbook))!.AsObject();
        document["helpBaseUri"] = "https://docs.example.com/rules/";
        document["environments"] = JsonNode.Parse("""[ { "name": "staging", "productionLike": true }, { "name": "dev" } ]""");
        document["deployment"]!["namespace"] = "payments";
        document["stabilityWindow"]!["checkpoints"]!["h24"]!.AsArray().Add(JsonNode.Parse("""{ "id": "errors", "check": "error rate", "query": "rate(errors[5m])", "max": 0.5, "min": 0, "baselineRatio": 1.2 }"""));
        document["metrics"] = JsonNode.Parse("""{ "prometheus": { "url": "http://prometheus:9090", "bearerToken": "env:PROM_TOKEN", "timeoutSeconds": 5 } }""");
        document["people"] = JsonNode.Parse("""{ "incidentCommander": "mira", "seniorDevelopers": ["sandro"], "owners": { "backend": "sandro" } }""");
        document["components"] = JsonNode.Parse("""[ { "name": "api", "paths": ["api/"], "image": "api", "rebuild": "make api", "workload": "deployment/api" } ]""");
        document["waivers"] = JsonNode.Parse("""[ { "incident": "INC-2026-0001", "rule": "HF0101", "reason": "named by the vendor" } ]""");
        document["notifications"] = JsonNode.Parse("""{ "webhooks": [ { "url": "https://hooks.example.com/x", "events": ["deploy"] }, { "url": "https://hooks.example.com/y" } ] }""");
        document["rules"] = JsonNode.Parse("""{ "HF0101": "warning" }""");
        document["tests"]!["commands"] = JsonNode.Parse("""{ "smoke": "npm run smoke -- {feature}", "integration": ["make", "it", "ENV={env}"] }""");
        document["tests"]!["appliesTo"]!["load-test"] = JsonNode.Parse("""{ "paths": ["perf/**"] }""");
        return document.ToJsonString();
    }
}
