using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>The policy keys of the change analysis: scope budgets, counted-apart globs, classification, waivers.</summary>
public class ScopePolicyValidationTests
{
    private static List<string> Problems(string json) => PolicyParser.Parse(json, "hotfix.json").Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Defaults_are_the_justified_budgets_and_valid()
    {
        var policy = PolicyParser.Parse("{}", "t").Policy!;
        Assert.Equal((5, 100), (policy.Scope.Budgets["SEV1"].Files, policy.Scope.Budgets["SEV1"].Lines));
        Assert.Equal((10, 200), (policy.Scope.Budgets["SEV2"].Files, policy.Scope.Budgets["SEV2"].Lines));
        Assert.Contains("yarn.lock", policy.Scope.LockFiles);
        Assert.Equal(ChangeKinds.BuiltIn, policy.Classification.Keys);
    }

    [Fact]
    public void One_budget_and_one_kind_can_change_while_the_rest_stays()
    {
        var policy = PolicyParser.Parse("""{ "scope": { "budgets": { "SEV2": { "files": 8 } } }, "classification": { "api": ["src/Web/**"] } }""", "t").Policy!;
        Assert.Equal((8, 200), (policy.Scope.Budgets["SEV2"].Files, policy.Scope.Budgets["SEV2"].Lines));
        Assert.Equal(5, policy.Scope.Budgets["SEV1"].Files);
        Assert.Equal(["src/Web/**"], policy.Classification["api"]);
        Assert.Contains("**/Migrations/**", policy.Classification["database"]);
    }

    [Theory]
    [InlineData("""{ "scope": { "budgets": { "SEV5": { "files": 1, "lines": 1 } } } }""", "$.scope.budgets.SEV5: found key 'SEV5'; expected one of SEV1, SEV2, SEV3, SEV4")]
    [InlineData("""{ "scope": { "budgets": { "SEV1": { "files": 0 } } } }""", "$.scope.budgets.SEV1.files: found 0; expected 1 to 100000 changed files")]
    [InlineData("""{ "scope": { "budgets": { "SEV1": { "files": 50 } } } }""", "$.scope.budgets.SEV1: found 50 files / 100 lines, more than SEV2's 10 / 200; expected a budget no larger")]
    [InlineData("""{ "scope": { "lockFiles": ["a\\b"] } }""", "$.scope.lockFiles[0]: found \"a\\b\" (use '/' as the path separator)")]
    [InlineData("""{ "classification": { "Payments": ["src/**"] } }""", "$.classification.Payments: found key 'Payments'; expected a change kind")]
    [InlineData("""{ "classification": { "api": ["src/{a"] } }""", "$.classification.api[0]: found \"src/{a\" (a '{' is not closed)")]
    [InlineData("""{ "waivers": [ { "incident": "INC-26-1", "rule": "HF1101", "reason": "x" } ] }""", "$.waivers[0].incident: found \"INC-26-1\"; expected an incident id")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0042", "rule": "HF1110", "reason": "x" } ] }""", "$.waivers[0].rule: found unknown rule id 'HF1110'")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0042", "rule": "HF1101", "reason": " " } ] }""", "$.waivers[0].reason: found \" \"; expected the reason")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0042", "rule": "HF1101", "reason": "a" }, { "incident": "INC-2026-0042", "rule": "HF1101", "reason": "b" } ] }""", "$.waivers[1]: found a second waiver of HF1101 for INC-2026-0042")]
    [InlineData("""{ "waivers": [ { "incident": "INC-2026-0042", "rul": "HF1101" } ] }""", "$.waivers[0].rul: found unknown key 'rul'")]
    public void Mistakes_are_named_with_their_path(string json, string expected)
    {
        var problems = Problems(json);
        Assert.True(problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)), string.Join("\n", problems));
    }
}
