using Hotfix.Policy.Decisions;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reviews;

namespace Hotfix.Policy.Tests.Hosting;

/// <summary>
/// A host that passes null where the engine's signatures say non-null (a deserialized request that came back null) is
/// told which argument of which call, as every .NET API tells it — not a NullReferenceException from a renderer or a
/// validator's "Cannot pass a null model", and never accepted silently to surface later in a message.
/// </summary>
public class EngineArgumentTests
{
    private static HotfixEngine Engine() => HotfixEngine.CreateBuilder().Build();

    [Fact]
    public void The_engines_calls_name_the_null_argument()
    {
        using var hotfix = Engine();
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => hotfix.Decide(null!)).ParamName);
        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => hotfix.ValidateReview(null!)).ParamName);
        Assert.Equal("changedPaths", Assert.Throws<ArgumentNullException>(() => hotfix.Checklist((IEnumerable<string>)null!)).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => hotfix.Render(null!, ReportFormat.Json)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => HotfixEngine.Render((RollbackDecision)null!, ReportFormat.Markdown)).ParamName);
        Assert.Equal("requirement", Assert.Throws<ArgumentNullException>(() => HotfixEngine.Render((ReviewRequirement)null!, ReportFormat.Text)).ParamName);

        // The same calls with values still answer.
        Assert.NotEmpty(hotfix.ValidateReview(new ReviewRecord()));
        Assert.Contains("rollback", HotfixEngine.Render(hotfix.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing }), ReportFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_refuses_a_null_policy_source_and_tool_name_when_they_are_given()
    {
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => HotfixEngine.CreateBuilder().UsePolicyJson("{}", null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => HotfixEngine.CreateBuilder().UseToolName(null!, "1.0")).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentNullException>(() => HotfixEngine.CreateBuilder().UseToolName("bot", null!)).ParamName);

        using var hotfix = HotfixEngine.CreateBuilder().UsePolicyJson("{}", "team.json").UseToolName("bot", "1.0").Build();
        Assert.Equal("team.json", hotfix.PolicySource);
        Assert.Equal(new ToolInfo("bot", "1.0"), hotfix.Tool);
    }
}
