using System.Text.Json;
using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>The classification and requiredTests sections of <c>hotfix check</c> on real repositories.</summary>
public class ClassificationCheckTests
{
    private static List<(string Id, string Reason, string Line, string When)> Tests(JsonElement root) =>
        root.GetProperty("requiredTests").EnumerateArray()
            .Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("reason").GetString()!, t.GetProperty("runbookLine").GetString()!, t.GetProperty("when").GetString()!))
            .ToList();

    [Fact]
    public void An_authorize_attribute_marks_auth_and_requires_the_auth_flow_end_to_end()
    {
        var controller = "public sealed class ReportsController : ControllerBase\n{\n    public IActionResult Get() => Ok();\n}\n";
        using var repo = RepoWith(("src/Web/ReportsHandler.cs", controller));
        repo.Commit("Require a login for reports", ("src/Web/ReportsHandler.cs", controller.Replace("public sealed class", "[Authorize(Roles = \"finance\")]\npublic sealed class")));

        var (_, root) = Run(repo, "--severity", "SEV2");
        Assert.Equal(["auth"], Strings(root.GetProperty("classification")));
        var auth = Tests(root).Single(t => t.Id == "auth-end-to-end");
        Assert.Equal("IF: auth/security change THEN: test auth flow end-to-end, verify no bypass", auth.Line);
        Assert.Contains("src/Web/ReportsHandler.cs (line 1 adds `[Authorize(Roles = \"finance\")]`)", auth.Reason);
    }

    [Fact]
    public void A_migration_class_anywhere_marks_database_and_a_declared_performance_fix_adds_a_load_test()
    {
        using var repo = RepoWith(("src/Data/Schema.cs", "// schema\n"));
        repo.Commit("Index orders by customer", ("src/Data/Schema/0042_IndexOrders.cs", "public partial class IndexOrders : Migration\n{\n    protected override void Up(MigrationBuilder b) => b.CreateIndex(\"IX\", \"Orders\", \"CustomerId\");\n}\n"));

        var (_, root) = Run(repo, "--severity", "SEV1", "--kind", "performance");
        Assert.Equal(["database", "performance"], Strings(root.GetProperty("classification")));
        var plan = Tests(root);
        Assert.Equal(
            ["smoke", "regression", "integration", "migration-up-down", "load-test", "full-regression"],
            plan.Select(t => t.Id));
        Assert.Contains("class IndexOrders derives from Migration", plan.Single(t => t.Id == "migration-up-down").Reason);
        Assert.Equal("declared with --kind performance", plan.Single(t => t.Id == "load-test").Reason.Split(": ")[1]);
        Assert.All(plan.Where(t => t.Id is "full-regression" or "cross-browser" or "accessibility"), t => Assert.Equal("post-deploy", t.When));
        var deferred = root.GetProperty("requiredTests").EnumerateArray().Last();
        Assert.True(deferred.GetProperty("justificationRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, deferred.GetProperty("justification").ValueKind);
    }

    [Fact]
    public void A_SEV1_deferral_carries_the_teams_justification_in_every_format()
    {
        using var repo = RepoWith(("src/Orders/Order.cs", "class Order {}\n"), ("admin-ui/order.tsx", "<Order/>\n"));
        repo.Commit("Guard the rounding", ("src/Orders/Order.cs", "class Order { int Round() => 0; }\n"), ("admin-ui/order.tsx", "<Order rounded/>\n"));
        var why = "runs post-deploy; the fix is one guarded line behind a flag";

        var (exit, root) = Run(repo, "--severity", "SEV1", "--justify", "full-regression=" + why);
        Assert.Equal(0, exit);
        var tests = root.GetProperty("requiredTests").EnumerateArray().ToList();
        Assert.Equal(why, tests.Single(t => t.GetProperty("id").GetString() == "full-regression").GetProperty("justification").GetString());
        Assert.Equal(JsonValueKind.Null, tests.Single(t => t.GetProperty("id").GetString() == "cross-browser").GetProperty("justification").ValueKind);

        var markdown = CliRun.Run(repo.Path, "check", "-f", "markdown", "--severity", "SEV1", "--justify", "full-regression=" + why).Out;
        Assert.Contains("justification: " + why, markdown);
        Assert.Contains(@"justification: \_\_\_\_ (--justify cross-browser=TEXT)", markdown);
        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV1", "--justify", "full-regression=" + why).Out;
        Assert.Contains("full-regression: the full regression suite", text);
        Assert.Contains("justification: " + why, text);
    }

    [Theory]
    [InlineData("SEV2", "full-regression=later", "only a SEV1 hotfix may defer a suite post-deploy")]
    [InlineData("SEV1", "smoke=no time", "'smoke': not a suite the runbook lets a SEV1 hotfix run post-deploy; expected one of full-regression, cross-browser, accessibility")]
    [InlineData("SEV1", "full-regresion=later", "(did you mean 'full-regression'?)")]
    [InlineData("SEV1", "full-regression", "expected SUITE=TEXT")]
    [InlineData("SEV1", "full-regression=  ", "expected SUITE=TEXT")]
    public void A_justification_the_runbook_does_not_allow_is_refused_with_exit_2(string severity, string justify, string message)
    {
        using var repo = RepoWith(("src/Orders/Order.cs", "class Order {}\n"));
        var result = CliRun.Run(repo.Path, "check", "--severity", severity, "--justify", justify);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--justify", result.Error);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Text_and_markdown_show_the_same_sections()
    {
        using var repo = RepoWith(("db/schema.sql", "CREATE TABLE t (id int);\n"));
        repo.Commit("Widen", ("db/schema.sql", "CREATE TABLE t (id bigint);\n"));

        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV1").Out;
        Assert.Contains("Scope\n", text);
        Assert.Matches(@"Budget: +5 files / 100 changed lines \(SEV1\) — within", text);
        Assert.Contains("Classification\n  - database — db/schema.sql (path matches '*.sql', line 1 removes `CREATE TABLE t (id int);`)", text);
        Assert.Contains("[ ] migration-up-down: apply the migration, roll it back and apply it again", text);
        Assert.Contains("After the deploy (SEV1: SKIP_WITH_JUSTIFICATION)", text);

        var markdown = CliRun.Run(repo.Path, "check", "-f", "markdown", "--severity", "SEV1").Out;
        Assert.Contains("### Scope", markdown);
        Assert.Contains("### Classification", markdown);
        Assert.Contains("### Required tests", markdown);
        Assert.Contains("- [ ] migration-up-down:", markdown);

        var sarif = JsonDocument.Parse(CliRun.Run(repo.Path, "check", "-f", "sarif", "--severity", "SEV1").Out).RootElement;
        var hotfix = sarif.GetProperty("runs")[0].GetProperty("properties").GetProperty("hotfix");
        Assert.Equal(["database"], Strings(hotfix.GetProperty("classification")));
        Assert.Contains(hotfix.GetProperty("requiredTests").EnumerateArray(), t => t.GetProperty("id").GetString() == "migration-up-down");
        Assert.Equal(1, hotfix.GetProperty("scope").GetProperty("counts").GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_shallow_clone_says_the_change_set_is_unavailable_instead_of_guessing()
    {
        using var origin = RepoWith(("src/A.cs", "a\n"));
        origin.Commit("Fix 1", ("src/A.cs", "b\n"));
        origin.Commit("Fix 2", ("src/A.cs", "c\n"));
        using var dir = new TempDirectory();
        var clone = dir.Combine("clone");
        GitCli.Run(dir.Path, "clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + origin.Path, clone);
        GitCli.Run(clone, "switch", "--quiet", Branch);

        var result = CliRun.Run(clone, "check", "-f", "json", "--kind", "api");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var scope = root.GetProperty("scope");
        Assert.False(scope.GetProperty("available").GetBoolean());
        Assert.Contains("shallow", scope.GetProperty("unavailableReason").GetString());
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("counts").ValueKind);
        Assert.Equal(["api"], Strings(root.GetProperty("classification")));
        var warning = Assert.Single(Findings(root, "HF1101"));
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Contains("could not be read", warning.GetProperty("message").GetString());

        var text = CliRun.Run(clone, "check").Out;
        Assert.Contains("The change set is not available", text);
        Assert.Contains("the conditional tests could not be derived from the change", text);
    }
}
