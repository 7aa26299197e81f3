using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Checks.Testing;
using Hotfix.Policy.Policies;
using Hotfix.TestSupport;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class TestPlanTests
{
    private static IReadOnlyList<RequiredTest> Plan(IncidentSeverity? severity, params string[] kinds)
    {
        var context = Context([], new Hotfix.Policy.Checks.CheckOptions { DeclaredKinds = kinds });
        return TestPlan.For(HotfixPolicy.Runbook.Tests, ChangeClassification.Of(context), severity);
    }

    [Fact]
    public void Mandatory_tests_are_always_required_with_their_runbook_lines()
    {
        var plan = Plan(IncidentSeverity.Sev3);
        Assert.Equal(["smoke", "regression", "integration", "full-regression"], plan.Select(t => t.Id));
        Assert.Equal("SMOKE_TEST: does the fix resolve the reported issue?", plan[0].RunbookLine);
        Assert.All(plan, t => Assert.Equal(TestTiming.PreDeploy, t.When));
    }

    [Theory]
    [InlineData("database", "migration-up-down", "IF: database change THEN: test migration up AND down, verify data integrity")]
    [InlineData("api", "api-client-payloads", "IF: API change THEN: test with actual client payloads (from incident logs)")]
    [InlineData("auth", "auth-end-to-end", "IF: auth/security change THEN: test auth flow end-to-end, verify no bypass")]
    [InlineData("performance", "load-test", "IF: performance fix THEN: run targeted load test (see performance domain)")]
    public void Each_kind_requires_its_conditional_test(string kind, string test, string line)
    {
        var required = Plan(IncidentSeverity.Sev2, kind).Single(t => t.Id == test);
        Assert.Equal(line, required.RunbookLine);
        Assert.Contains($"declared with --kind {kind}", required.Reason);
        Assert.DoesNotContain(Plan(IncidentSeverity.Sev2, "frontend"), t => t.Id == test);
    }

    [Fact]
    public void Only_sev1_defers_the_skippable_suites_post_deploy_with_a_justification()
    {
        var sev1 = Plan(IncidentSeverity.Sev1, "frontend").Where(t => t.When == TestTiming.PostDeploy).ToList();
        Assert.Equal(["full-regression", "cross-browser", "accessibility"], sev1.Select(t => t.Id));
        Assert.All(sev1, t => Assert.True(t.JustificationRequired));
        Assert.Equal("Full regression suite (run post-deploy instead)", sev1[0].RunbookLine);

        foreach (var severity in new IncidentSeverity?[] { IncidentSeverity.Sev2, IncidentSeverity.Sev4, null })
        {
            var suites = Plan(severity, "frontend").Where(t => t.Id is "full-regression" or "cross-browser" or "accessibility").ToList();
            Assert.Equal(3, suites.Count);
            Assert.All(suites, t => Assert.Equal((TestTiming.PreDeploy, false, "SKIP_WITH_JUSTIFICATION (SEV1 only)"), (t.When, t.JustificationRequired, t.RunbookLine)));
        }
    }

    [Fact]
    public void Every_runbook_line_of_the_plan_is_in_the_runbook()
    {
        var runbook = File.ReadAllLines(SourceTree.PathOf("docs", "runbook.txt"));
        foreach (var test in Plan(IncidentSeverity.Sev1, "database", "api", "auth", "performance", "frontend").Concat(Plan(IncidentSeverity.Sev2, "frontend")))
        {
            Assert.Contains(runbook, line => line.Contains(test.RunbookLine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Policy_ids_and_commands_are_used()
    {
        var policy = PolicyParser.Parse("""{ "tests": { "conditional": { "payments": ["payment-sandbox"] }, "commands": { "smoke": "npm run smoke" } }, "classification": { "payments": ["src/Payments/**"] } }""", "t").Policy!;
        var context = Context([Modified("src/Payments/Charge.cs", "a\n", "b\n")], policy: policy);
        var plan = TestPlan.For(policy.Tests, ChangeClassification.Of(context), null);
        Assert.Equal("npm run smoke", plan.Single(t => t.Id == "smoke").Command);

        // "{feature}" is filled in only by hotfix test: shown as is, --grep "{feature}" matches nothing and mocha passes.
        var grep = PolicyParser.Parse("""{ "tests": { "commands": { "smoke": "npm run test -- --grep \"{feature}\" --bail" } } }""", "t").Policy!;
        Assert.Equal("npm run test -- --grep <feature> --bail", TestPlan.For(grep.Tests, ChangeClassification.Of(context), null).Single(t => t.Id == "smoke").Command);
        var sandbox = plan.Single(t => t.Id == "payment-sandbox");
        Assert.Equal("CONDITIONAL_TESTS", sandbox.RunbookLine);
        Assert.Contains("src/Payments/Charge.cs (path matches 'src/Payments/**')", sandbox.Reason);
    }
}
