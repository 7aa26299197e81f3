using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Hosting;

/// <summary>
/// A host that loads a team's policy (a bot reading hotfix.json from a pull request) gets its problems as data — the
/// JSON path, what was found, what was expected — to annotate the file, besides the message the CLI prints.
/// </summary>
public class EnginePolicyErrorTests
{
    [Fact]
    public void A_policy_with_problems_throws_them_as_data_and_as_the_message_the_cli_prints()
    {
        const string json = """{ "nonsense": 1, "review": { "followUpDays": "soon" } }""";
        var builder = HotfixEngine.CreateBuilder().UsePolicyJson(json, "team/hotfix.json");

        var e = Assert.Throws<HotfixPolicyException>(() => builder.Build());

        Assert.IsAssignableFrom<HotfixInputException>(e);
        Assert.Equal("team/hotfix.json", e.PolicySource);
        var expected = PolicyParser.Parse(json, "team/hotfix.json");
        Assert.Equal(expected.Problems, e.Problems);
        Assert.Contains(e.Problems, p => p.Path == "$.nonsense");
        Assert.Contains(e.Problems, p => p.Path == "$.review.followUpDays");
        Assert.Equal(PolicyProblems.Describe(expected), e.Message);
    }

    [Fact]
    public void The_exception_is_only_for_a_policy_that_has_problems()
    {
        Assert.Throws<ArgumentException>(() => new HotfixPolicyException(PolicyParser.Parse("{}", "ok.json")));
        Assert.Throws<ArgumentNullException>(() => new HotfixPolicyException(null!));
    }
}
