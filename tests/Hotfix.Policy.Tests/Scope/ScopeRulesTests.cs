using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Checks.Testing;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class ScopeRulesTests
{
    private static readonly ToolInfo Tool = new("hotfix", "test");

    private static CheckReport Run(CheckContext context) => CheckRunner.Run(context, CheckModules.Core, Tool);

    private static HotfixPolicy PolicyFrom(string json) => PolicyParser.Parse(json, "test").Policy!;

    private static List<Hotfix.Policy.Changes.FileChange> SourceFiles(int count, int linesEach) =>
        Enumerable.Range(1, count)
            .Select(i => Added($"src/File{i}.cs", string.Concat(Enumerable.Range(1, linesEach).Select(l => $"// line {l} of file {i}\n"))))
            .ToList();

    [Fact]
    public void HF1101_holds_a_sev1_change_to_the_sev1_budget_and_names_the_largest_files()
    {
        var context = Context(SourceFiles(6, 10), new CheckOptions { Severity = IncidentSeverity.Sev1 });
        var finding = Assert.Single(Run(context).Findings, f => f.RuleId == "HF1101");
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("too large for a SEV1 hotfix: 6 files and 60 changed lines, against a budget of 5 files and 100 lines", finding.Message);

        Assert.DoesNotContain(Run(Context(SourceFiles(6, 10), new CheckOptions { Severity = IncidentSeverity.Sev2 })).Findings, f => f.RuleId == "HF1101");
    }

    [Fact]
    public void HF1101_counts_lock_and_generated_files_apart()
    {
        var files = SourceFiles(2, 20);
        files.Add(Added("web/package-lock.json", string.Concat(Enumerable.Range(1, 5000).Select(i => $"\"line{i}\",\n"))));
        files.Add(Added("src/Api.g.cs", string.Concat(Enumerable.Range(1, 900).Select(i => $"// generated {i}\n"))));
        var report = Run(Context(files, new CheckOptions { Severity = IncidentSeverity.Sev1 }));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "HF1101");
        var counts = report.Section<ScopeSection>()!.Counts!;
        Assert.Equal((4, 2, 40, 1, 1, 5900), (counts.Files, counts.CountedFiles, counts.CountedLines, counts.LockFiles, counts.GeneratedFiles, counts.UncountedLines));
    }

    private static Hotfix.Policy.Changes.FileChange Test(string path, int lines) =>
        Added(path, string.Concat(Enumerable.Range(1, lines).Select(l => $"// assert {l}\n")));

    [Fact]
    public void HF1101_counts_the_fixs_tests_apart_so_the_regression_test_never_pushes_it_over()
    {
        var files = SourceFiles(2, 15);
        files.Add(Test("tests/Shop.Tests/OrderTotalsTests.cs", 120));
        var report = Run(Context(files, new CheckOptions { Severity = IncidentSeverity.Sev1 }));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "HF1101");
        var counts = report.Section<ScopeSection>()!.Counts!;
        Assert.Equal((3, 2, 30, 1, 120, 120), (counts.Files, counts.CountedFiles, counts.CountedLines, counts.TestFiles, counts.TestLines, counts.UncountedLines));
        var text = new TextReportRenderer(new RenderOptions(Color: false)).RenderToString(report);
        Assert.Contains("counted apart: 1 test file (120 lines)", text);
        Assert.Contains("test (scope.tests '**/{test,tests,Test,Tests,", text);
    }

    [Fact]
    public void HF1101_over_budget_names_code_only_and_says_what_was_counted_apart()
    {
        var files = SourceFiles(6, 10);
        files.Add(Test("web/src/cart.test.ts", 400));
        files.Add(Added("web/package-lock.json", string.Concat(Enumerable.Range(1, 50).Select(i => $"\"line{i}\",\n"))));
        var finding = Assert.Single(Run(Context(files, new CheckOptions { Severity = IncidentSeverity.Sev1 })).Findings, f => f.RuleId == "HF1101");
        Assert.Contains("6 files and 60 changed lines", finding.Message);
        Assert.DoesNotContain("cart.test.ts", finding.Message);
        Assert.Contains("Counted apart, not against the budget: 1 test file (400 lines), 1 lock file (50 lines).", finding.Message);
    }

    [Fact]
    public void HF1101_counts_tests_again_when_the_policy_empties_scope_tests()
    {
        var files = SourceFiles(2, 15);
        files.Add(Test("tests/Shop.Tests/OrderTotalsTests.cs", 120));
        var policy = PolicyFrom("""{ "scope": { "tests": [] } }""");
        var finding = Assert.Single(Run(Context(files, new CheckOptions { Severity = IncidentSeverity.Sev1 }, policy)).Findings, f => f.RuleId == "HF1101");
        Assert.Contains("3 files and 150 changed lines", finding.Message);
    }

    [Theory]
    [InlineData("tests/Shop.Api.Tests/Orders/TotalsTests.cs", true)]
    [InlineData("src/Shop.UnitTests/OrderTests.cs", true)]
    [InlineData("src/Shop.Api/Controllers/OrdersControllerTests.cs", true)]
    [InlineData("src/test/java/com/shop/OrderServiceTest.java", true)]
    [InlineData("web/src/__tests__/cart.jsx", true)]
    [InlineData("web/src/cart/cart.spec.tsx", true)]
    [InlineData("web/e2e/checkout.ts", true)]
    [InlineData("pkg/orders/total_test.go", true)]
    [InlineData("pkg/orders/testdata/order.json", true)]
    [InlineData("app/orders/test_totals.py", true)]
    [InlineData("app/conftest.py", true)]
    [InlineData("spec/models/order_spec.rb", true)]
    [InlineData("src/Shop.Api/Experiments/ABTest.cs", false)]
    [InlineData("src/Shop.Api/Latest.cs", false)]
    [InlineData("src/testing/fixtures.go", false)]
    [InlineData("app/orders/totals.py", false)]
    [InlineData("web/src/contest/entry.ts", false)]
    [InlineData("billing/tests.py", true)]
    [InlineData("billing/tests/test_invoices.py", true)]
    [InlineData("billing/testing.py", false)]
    [InlineData("billing/contests.py", false)]
    [InlineData("app/src/androidTest/java/com/shop/CartScreenTest.kt", true)]
    [InlineData("service/src/integrationTest/kotlin/com/shop/OrdersIT.kt", true)]
    [InlineData("service/src/main/kotlin/com/shop/TestDataLoader.kt", false)]
    [InlineData("lib/cart/cart_test.dart", true)]
    [InlineData("lib/cart/cart_contest.dart", false)]
    public void Tests_are_recognised_by_folder_and_by_each_ecosystems_file_names(string path, bool test)
    {
        var files = SourceFiles(1, 5);
        files.Add(Test(path, 10));
        var file = Assert.Single(Run(Context(files)).Section<ScopeSection>()!.Analysis.Files, f => f.Path == path);
        Assert.Equal(test ? FileRole.Test : FileRole.Reviewed, file.Role);
    }

    [Theory]
    [InlineData("drizzle/meta/0007_snapshot.json", "scope.generated '**/meta/*_snapshot.json'")]
    [InlineData("drizzle/meta/_journal.json", "scope.generated '**/meta/_journal.json'")]
    [InlineData("db/schema.rb", "scope.generated '**/db/schema.rb'")]
    [InlineData("api/db/structure.sql", "scope.generated '**/db/structure.sql'")]
    [InlineData("web/pnpm-lock.yaml", "scope.lockFiles 'pnpm-lock.yaml'")]
    [InlineData("web/bun.lock", "scope.lockFiles 'bun.lock'")]
    [InlineData("ios/Podfile.lock", "scope.lockFiles 'Podfile.lock'")]
    [InlineData("infra/prod/.terraform.lock.hcl", "scope.lockFiles '.terraform.lock.hcl'")]
    [InlineData("gradle/verification-metadata.xml", "scope.lockFiles '**/gradle/verification-metadata.xml'")]
    [InlineData("android/gradle/verification-metadata.xml", "scope.lockFiles '**/gradle/verification-metadata.xml'")]
    [InlineData("gradle.lockfile", "scope.lockFiles '*.lockfile'")]
    [InlineData("app/buildscript-gradle.lockfile", "scope.lockFiles '*.lockfile'")]
    [InlineData("pdm.lock", "scope.lockFiles 'pdm.lock'")]
    [InlineData("api/v1/zz_generated.deepcopy.go", "scope.generated 'zz_generated*.go'")]
    [InlineData("src/Shop.Data/CompiledModels/OrderEntityType.cs", "scope.generated '**/CompiledModels/**'")]
    [InlineData("src/Clients/PaymentsClient.Generated.cs", "scope.generated '*.Generated.cs'")]
    [InlineData("src/Legacy/Shop.designer.cs", "scope.generated '*.designer.cs'")]
    public void HF1101_never_counts_a_migration_tools_schema_dump_and_says_why(string path, string reason)
    {
        var files = SourceFiles(1, 30);
        files.Add(Added(path, string.Concat(Enumerable.Range(1, 3000).Select(i => $"  \"line{i}\": {i},\n"))));
        var report = Run(Context(files, new CheckOptions { Severity = IncidentSeverity.Sev1 }));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "HF1101");
        var dump = Assert.Single(report.Section<ScopeSection>()!.Analysis.Files, f => f.Path == path);
        Assert.Equal(reason, dump.RoleReason);
        Assert.Contains(reason, new TextReportRenderer(new RenderOptions(Color: false)).RenderToString(report));
    }

    [Fact]
    public void HF1101_without_a_severity_uses_the_loosest_budget_and_says_so()
    {
        Assert.DoesNotContain(Run(Context(SourceFiles(20, 10))).Findings, f => f.RuleId == "HF1101");
        var finding = Assert.Single(Run(Context(SourceFiles(26, 1))).Findings, f => f.RuleId == "HF1101");
        Assert.Contains("no --severity given", finding.Message);
    }

    [Fact]
    public void Allow_with_a_reason_waives_any_rule_and_keeps_the_reason()
    {
        var options = new CheckOptions
        {
            Severity = IncidentSeverity.Sev1,
            Waivers = [WaiverRequest.Create("HF1101", "needs the snapshot too; reviewed by mira", "--allow")],
        };
        var report = Run(Context(SourceFiles(6, 10), options));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "HF1101");
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal(new Waiver("needs the snapshot too; reviewed by mira", "--allow", FindingSeverity.Error), finding.Waiver);
        Assert.False(report.IsBlocking);
    }

    [Fact]
    public void A_policy_waiver_applies_to_its_incident_only()
    {
        var policy = PolicyFrom("""{ "waivers": [ { "incident": "INC-2026-0042", "rule": "HF1101", "reason": "approved by mira" } ] }""");
        var options = new CheckOptions { Severity = IncidentSeverity.Sev1 };
        var waived = Assert.Single(Run(Context(SourceFiles(6, 10), options, policy)).Findings, f => f.RuleId == "HF1101");
        Assert.Equal("policy waiver for INC-2026-0042", waived.Waiver!.Source);

        var other = Assert.Single(Run(Context(SourceFiles(6, 10), options, policy, "hotfix/INC-2026-0043-other")).Findings, f => f.RuleId == "HF1101");
        Assert.Null(other.Waiver);
        Assert.Equal(FindingSeverity.Error, other.Severity);
    }

    [Theory]
    [InlineData("HF9999", "x", "not a rule id")]
    [InlineData("HF1101", " ", "needs a reason")]
    [InlineData("HF1101", null, "needs a reason")]
    public void A_waiver_needs_a_known_rule_and_a_reason(string rule, string? reason, string message)
    {
        var e = Assert.Throws<HotfixInputException>(() => WaiverRequest.Create(rule, reason, "--allow"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void HF1104_lists_files_outside_the_declared_scope_and_names_touched_components_without_one()
    {
        var policy = PolicyFrom("""{ "components": [ { "name": "orders-api", "paths": ["src/"] }, { "name": "admin-ui", "paths": ["admin-ui/"] } ] }""");
        var files = new[] { Modified("src/A.cs", "a\n", "b\n"), Modified("admin-ui/App.tsx", "a\n", "b\n"), Modified("README.md", "a\n", "b\n") };

        var scoped = Run(Context(files, new CheckOptions { DeclaredScope = ["orders-api"] }, policy));
        var outside = Assert.Single(scoped.Findings, f => f.RuleId == "HF1104");
        Assert.Equal(("admin-ui/App.tsx", FindingSeverity.Error), (outside.Path, outside.Severity));
        Assert.Equal(["admin-ui"], scoped.Section<ScopeSection>()!.Outside);

        var info = Assert.Single(Run(Context(files, policy: policy)).Findings, f => f.RuleId == "HF1104");
        Assert.Equal(FindingSeverity.Info, info.Severity);
        Assert.Contains("orders-api, admin-ui", info.Message);

        Assert.Throws<HotfixInputException>(() => ScopeDeclaration.Check(policy, ["orders-apj"]));
        Assert.Equal(["orders-api", "admin-ui"], ScopeDeclaration.Check(policy, ["orders-api,admin-ui", "orders-api"]));
    }

    [Fact]
    public void Without_a_change_set_reader_the_scope_rules_stay_silent()
    {
        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("hotfix/INC-2026-0042-x", new string('a', 40)), new CheckOptions(), new PortSet());
        var report = Run(context);
        Assert.Empty(report.Findings);
        Assert.Contains("no change-set reader", ((ScopeSection)report.Sections.Single(s => s.Key == "scope")).Analysis.UnavailableReason);
    }

    [Fact]
    public void Classification_uses_paths_content_and_declared_kinds_but_not_formatting_only_files()
    {
        var files = new[]
        {
            Modified("src/Web/Program.cs", "app.MapControllers();\n", "app.UseAuthorization();\napp.MapControllers();\n"),
            Added("src/Data/Schema/0042_WidenTotal.cs", "public partial class WidenTotal : Migration\n{\n}\n"),
            Modified("src/Controllers/OrdersController.cs", "class A {\n}\n", "class A\n{\n}\n"),
            Modified("admin-ui/src/App.tsx", "a\n", "b\n"),
        };
        var context = Context(files, new CheckOptions { DeclaredKinds = [ChangeKinds.Performance] });
        var classification = ChangeClassification.Of(context);
        Assert.Equal(["database", "auth", "performance", "frontend"], classification.Kinds);
        Assert.Contains(classification.SignalsFor("database"), s => s.Reason == "class WidenTotal derives from Migration");
        Assert.Contains(classification.SignalsFor("auth"), s => s.Reason.StartsWith("line 1 adds `app.UseAuthorization();`", StringComparison.Ordinal));
        Assert.DoesNotContain("api", classification.Kinds);
    }

    [Fact]
    public void Another_module_can_add_a_kind_with_its_reason()
    {
        var context = Context([Modified("db/0042.sql.txt", "a\n", "b\n")]);
        var classification = ChangeClassification.Build(context, [.. ChangeKindSignalProviders.Core, new FixedSignal()]);
        Assert.Equal(["database"], classification.Kinds);
        Assert.Contains("drops column Orders.Legacy", TestPlan.For(HotfixPolicy.Runbook.Tests, classification, null).Single(t => t.Id == "migration-up-down").Reason);
    }

    private sealed class FixedSignal : IChangeKindSignalProvider
    {
        public IEnumerable<ChangeKindSignal> Signals(CheckContext context) => [new ChangeKindSignal("database", "drops column Orders.Legacy", "db/0042.sql.txt")];
    }
}
