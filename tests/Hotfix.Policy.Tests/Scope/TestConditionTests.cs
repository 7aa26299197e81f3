using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Checks.Testing;
using Hotfix.Policy.Policies;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

/// <summary>Policy <c>tests.appliesTo</c>: suites of the browser are required only when a change touches what a browser shows.</summary>
public class TestConditionTests
{
    private static (IReadOnlyList<RequiredTest> Required, IReadOnlyList<(string Id, string Reason)> NotRequired) Explain(
        IReadOnlyList<Hotfix.Policy.Changes.FileChange> files, IncidentSeverity? severity = IncidentSeverity.Sev2, HotfixPolicy? policy = null, params string[] kinds)
    {
        policy ??= HotfixPolicy.Runbook;
        var context = Context(files, new Hotfix.Policy.Checks.CheckOptions { DeclaredKinds = kinds }, policy);
        return TestPlan.Explain(policy.Tests, ChangeClassification.Of(context), severity);
    }

    [Fact]
    public void A_one_line_backend_fix_is_not_asked_for_browser_suites_and_says_why()
    {
        var (required, notRequired) = Explain([Modified("src/Orders/Rounding.cs", "return a;\n", "return Math.Round(a, 2);\n")]);

        Assert.Equal(["smoke", "regression", "integration", "full-regression"], required.Select(t => t.Id));
        Assert.Equal(
            [("cross-browser", "no frontend file changed"), ("accessibility", "no frontend file changed")],
            notRequired);
    }

    [Fact]
    public void A_front_end_file_makes_them_required_naming_the_file()
    {
        var (required, notRequired) = Explain([Modified("admin-ui/login.tsx", "<a/>\n", "<b/>\n"), Modified("src/Orders/Rounding.cs", "a\n", "b\n")]);

        Assert.Empty(notRequired);
        var crossBrowser = required.Single(t => t.Id == "cross-browser");
        Assert.Equal(
            "required because admin-ui/login.tsx changed (frontend); SEV2: only SEV1 may defer it post-deploy (SKIP_WITH_JUSTIFICATION), so it runs before the deploy",
            crossBrowser.Reason);
        Assert.StartsWith("required because admin-ui/login.tsx changed (frontend); SEV1: may run post-deploy", Explain([Modified("admin-ui/login.tsx", "a\n", "b\n")], IncidentSeverity.Sev1).Required.Single(t => t.Id == "accessibility").Reason);
    }

    [Fact]
    public void Mandatory_suites_and_the_full_regression_suite_need_no_condition()
    {
        var (required, _) = Explain([Modified("admin-ui/login.tsx", "a\n", "b\n")]);
        Assert.All(required.Where(t => t.Id is "smoke" or "regression" or "integration" or "full-regression"), t => Assert.DoesNotContain("required because", t.Reason));
    }

    [Fact]
    public void A_formatting_only_front_end_change_changes_nothing_a_browser_shows()
    {
        var (required, _) = Explain([Modified("admin-ui/login.tsx", "<a/>\n", "  <a/>\n"), Modified("src/A.cs", "a\n", "b\n")]);
        Assert.DoesNotContain(required, t => t.Id == "cross-browser");
    }

    [Fact]
    public void A_declared_frontend_kind_and_a_path_glob_of_the_policy_each_make_a_suite_apply()
    {
        var declared = Explain([Modified("src/A.cs", "a\n", "b\n")], IncidentSeverity.Sev3, null, "frontend").Required.Single(t => t.Id == "cross-browser");
        Assert.StartsWith("required because the change was declared with --kind frontend;", declared.Reason);

        var policy = PolicyParser.Parse(
            """{ "tests": { "skippableOnSev1": ["full-regression", "cross-browser", "accessibility", "visual"], "appliesTo": { "visual": { "paths": ["src/Pdf/**"] } } } }""", "t").Policy!;
        var (required, notRequired) = Explain([Modified("src/Pdf/Invoice.cs", "a\n", "b\n")], IncidentSeverity.Sev3, policy);
        Assert.StartsWith("required because src/Pdf/Invoice.cs changed (matches 'src/Pdf/**');", required.Single(t => t.Id == "visual").Reason);
        Assert.Equal(["cross-browser", "accessibility"], notRequired.Select(n => n.Id));

        var (_, elsewhere) = Explain([Modified("src/A.cs", "a\n", "b\n")], IncidentSeverity.Sev3, policy);
        Assert.Contains(("visual", "no changed file matches 'src/Pdf/**'"), elsewhere);
    }

    [Fact]
    public void A_condition_merges_with_the_default_and_an_empty_one_makes_the_suite_apply_always()
    {
        var widened = PolicyParser.Parse("""{ "tests": { "appliesTo": { "cross-browser": { "paths": ["src/Views/**"] } } } }""", "t").Policy!;
        Assert.Equal(["frontend"], widened.Tests.AppliesTo["cross-browser"].Kinds);
        Assert.Equal(["src/Views/**"], widened.Tests.AppliesTo["cross-browser"].Paths);

        var always = PolicyParser.Parse("""{ "tests": { "appliesTo": { "accessibility": { "kinds": [] } } } }""", "t").Policy!;
        var (required, notRequired) = Explain([Modified("src/A.cs", "a\n", "b\n")], IncidentSeverity.Sev3, always);
        Assert.Contains(required, t => t.Id == "accessibility");
        Assert.Equal(["cross-browser"], notRequired.Select(n => n.Id));
    }

    [Fact]
    public void A_conditional_test_of_a_kind_is_also_held_to_its_condition()
    {
        var policy = PolicyParser.Parse(
            """{ "tests": { "conditional": { "api": ["api-client-payloads", "browser-e2e"] }, "appliesTo": { "browser-e2e": { "kinds": ["frontend"] } } } }""", "t").Policy!;
        var (required, notRequired) = Explain([Modified("src/Controllers/OrdersController.cs", "a\n", "b\n")], IncidentSeverity.Sev3, policy);
        Assert.Contains(required, t => t.Id == "api-client-payloads");
        Assert.Contains(("browser-e2e", "no frontend file changed"), notRequired);
    }

    [Theory]
    [InlineData("""{ "tests": { "appliesTo": { "smoke": { "kinds": ["frontend"] } } } }""", "$.tests.appliesTo.smoke: found a condition on \"smoke\", which is mandatory; expected conditions only on suites that are not in $.tests.mandatory")]
    [InlineData("""{ "tests": { "appliesTo": { "cross-browser": { "kinds": ["frontent"] } } } }""", "$.tests.appliesTo.cross-browser.kinds[0]: found \"frontent\"; expected a change kind: one of database, api, auth, performance, infrastructure, frontend, config (or a key you add to $.classification) (did you mean 'frontend'?)")]
    [InlineData("""{ "tests": { "appliesTo": { "visual": { "paths": ["ui/{a"] } } } }""", "$.tests.appliesTo.visual.paths[0]: found \"ui/{a\" (a '{' is not closed)")]
    [InlineData("""{ "tests": { "appliesTo": { "Visual": { "kinds": ["frontend"] } } } }""", "$.tests.appliesTo.Visual: found key 'Visual'; expected a test id")]
    [InlineData("""{ "tests": { "appliesTo": { "visual": { "kind": ["frontend"] } } } }""", "$.tests.appliesTo.visual.kind: found unknown key 'kind'; expected one of kinds, paths (did you mean 'kinds'?)")]
    public void Mistakes_in_a_condition_are_named_with_their_path(string json, string expected)
    {
        var problems = PolicyParser.Parse(json, "hotfix.json").Problems.Select(p => p.ToString()).ToList();
        Assert.True(problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)), string.Join("\n", problems));
    }

    [Fact]
    public void A_policy_kind_is_a_kind_a_condition_may_name()
    {
        var result = PolicyParser.Parse("""{ "classification": { "payments": ["src/Payments/**"] }, "tests": { "appliesTo": { "cross-browser": { "kinds": ["frontend", "payments"] } } } }""", "t");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }
}
