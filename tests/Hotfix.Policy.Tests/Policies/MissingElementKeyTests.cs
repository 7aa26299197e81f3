using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>
/// An array element is not merged over runbook defaults, so a key left out of it reads as null. Every such element
/// must be refused with the key's path (exit 2 in the CLI), never crash the validator (exit 70).
/// </summary>
public class MissingElementKeyTests
{
    [Theory]
    [InlineData("""{ "components": [ { "name": "api" } ] }""", "$.components[0].paths")]
    [InlineData("""{ "components": [ { "paths": ["src/Api/**"] }, {} ] }""", "$.components[1].paths")]
    [InlineData("""{ "waivers": [ { "rule": "HF0101", "reason": "known" } ] }""", "$.waivers[0].incident")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0001", "reason": "known" } ] }""", "$.waivers[0].rule")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0001", "rule": "HF0101" } ] }""", "$.waivers[0].reason")]
    public void A_required_key_left_out_of_an_element_is_named(string json, string path)
    {
        var result = PolicyParser.Parse(json, "hotfix.json");

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems, p => p.Path == path);
        Assert.Contains("no such key", problem.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("components")]
    [InlineData("waivers")]
    [InlineData("environments")]
    [InlineData("notifications.webhooks")]
    [InlineData("stabilityWindow.checkpoints.h1")]
    public void An_empty_element_is_refused_with_problems_not_an_exception(string arrayPath)
    {
        var json = "[{}]";
        foreach (var key in arrayPath.Split('.').Reverse())
        {
            json = $$"""{ "{{key}}": {{json}} }""";
        }

        var result = PolicyParser.Parse(json, "hotfix.json");

        Assert.False(result.IsValid, json);
        Assert.All(result.Problems, p => Assert.StartsWith("$." + arrayPath, p.Path, StringComparison.Ordinal));
    }
}
