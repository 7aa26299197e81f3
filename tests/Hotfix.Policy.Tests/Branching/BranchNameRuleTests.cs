using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using static Hotfix.Policy.Tests.Branching.BranchingChecks;

namespace Hotfix.Policy.Tests.Branching;

/// <summary>HF0101 through the check runner: the branch under check against the runbook's naming rule.</summary>
public class BranchNameRuleTests
{
    private static readonly string LongestDescription = new('a', 42);

    /// <summary>A branch named <paramref name="name"/> created from main with one fix commit, checked.</summary>
    private static Hotfix.Policy.Reporting.CheckReport CheckBranchNamed(string name, HotfixPolicy? policy = null)
    {
        var git = InMemoryHistory.MainAndDevelop();
        git.Branch(name, "main");
        git.Commit(name, "Round half to even");
        return Check(git, name, policy);
    }

    [Theory]
    [InlineData("hotfix/INC-2026-0042-fix-order-rounding")]
    [InlineData("hotfix/INC-2026-0042-x")]
    [InlineData("hotfix/INC-2026-0042-http2-timeout-42")]
    public void A_runbook_name_on_a_branch_from_main_has_no_findings_at_all(string name) =>
        Assert.Empty(CheckBranchNamed(name).Findings);

    [Fact]
    public void A_name_of_exactly_63_characters_passes_and_one_more_character_is_an_error()
    {
        var longest = "hotfix/INC-2026-0042-" + LongestDescription;
        Assert.Equal(63, longest.Length);
        Assert.Empty(CheckBranchNamed(longest).Findings);

        var finding = Single(CheckBranchNamed(longest + "b"), "HF0101", FindingSeverity.Error);
        Assert.Contains("the short description has 43 characters; at most 42 fit in a 63-character branch name", finding.Message);
    }

    [Theory]
    [InlineData("feature/fix-rounding", "it does not start with 'hotfix/'")]
    [InlineData("Hotfix/INC-2026-0042-fix-rounding", "it does not start with 'hotfix/'")]
    [InlineData("hotfix/fix-rounding", "the incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/INC-2026-42-fix", "the incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/inc-2026-0042-fix", "the incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/INC-26-0042-fix", "the incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/INC-2026-0042", "a short description must follow the incident id")]
    [InlineData("hotfix/INC-2026-00421-fix-rounding", "the incident id 'INC-2026-00421' has 5 digits after the year; expected INC-YYYY-NNNN")]
    [InlineData("hotfix/INC-2026-0042fix-rounding", "a short description must follow the incident id, separated by '-'")]
    [InlineData("hotfix/INC-2026-0042-fix--rounding", "a leading, trailing or doubled hyphen")]
    public void A_malformed_name_is_a_blocking_error_that_quotes_the_name_and_the_expected_form(string name, string problem)
    {
        var report = CheckBranchNamed(name);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("HF0101", FindingSeverity.Error), (finding.RuleId, finding.Severity));
        Assert.True(report.IsBlocking);
        Assert.StartsWith($"'{name}' is not a valid hotfix branch name: ", finding.Message);
        Assert.Contains(problem, finding.Message);
        Assert.Contains("Expected hotfix/INC-YYYY-NNNN-short-description", finding.Message);
    }

    [Fact]
    public void Every_problem_is_listed_and_the_rename_is_suggested_when_an_incident_id_is_in_the_name()
    {
        var finding = Single(CheckBranchNamed("hotfix/INC-2026-0042-Fix_Rounding"), "HF0101", FindingSeverity.Error);
        Assert.Contains("has upper-case letters, the characters '_'", finding.Message);
        Assert.EndsWith("Rename it with: git branch -m hotfix/INC-2026-0042-Fix_Rounding hotfix/INC-2026-0042-fix-rounding", finding.Message);

        var moved = Single(CheckBranchNamed("feature/INC-2026-0042-fix-rounding"), "HF0101", FindingSeverity.Error);
        Assert.EndsWith("Rename it with: git branch -m feature/INC-2026-0042-fix-rounding hotfix/INC-2026-0042-fix-rounding", moved.Message);
    }

    [Fact]
    public void Without_an_incident_id_there_is_nothing_to_suggest()
    {
        var finding = Single(CheckBranchNamed("hotfix/fix-rounding"), "HF0101", FindingSeverity.Error);
        Assert.DoesNotContain("Rename it with", finding.Message);
    }

    [Fact]
    public void The_policy_sets_the_prefix_and_the_longest_name()
    {
        var policy = PolicyParser.Parse("""{ "branches": { "prefix": "fix/", "maxLength": 30 } }""", "test").Policy!;
        Assert.Empty(CheckBranchNamed("fix/INC-2026-0042-rounding", policy).Findings);

        var prefix = Single(CheckBranchNamed(Branch, policy), "HF0101", FindingSeverity.Error);
        Assert.Contains("it does not start with 'fix/'", prefix.Message);
        Assert.Contains("Expected fix/INC-YYYY-NNNN-short-description", prefix.Message);
        Assert.EndsWith($"git branch -m {Branch} fix/INC-2026-0042-fix-rounding", prefix.Message);

        var length = Single(CheckBranchNamed("fix/INC-2026-0042-round-halves-x", policy), "HF0101", FindingSeverity.Error);
        Assert.Contains("the short description has 14 characters; at most 12 fit in a 30-character branch name", length.Message);
    }
}
