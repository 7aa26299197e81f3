using System.Text.Json;
using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>
/// <c>hotfix check</c>'s test plan fits the change (policy <c>tests.appliesTo</c>): a one-line C# fix is not asked for
/// cross-browser or accessibility testing, a front-end change is, naming the file.
/// </summary>
public class TestPlanFitsTheChangeTests
{
    private static List<string> Ids(JsonElement root) => root.GetProperty("requiredTests").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void A_one_line_backend_fix_asks_for_no_browser_suites_and_says_why()
    {
        using var repo = RepoWith(("src/Orders/Rounding.cs", "class Rounding\n{\n    decimal Round(decimal a) => a;\n}\n"));
        repo.Commit("Round to cents", ("src/Orders/Rounding.cs", "class Rounding\n{\n    decimal Round(decimal a) => decimal.Round(a, 2);\n}\n"));
        Assert.Equal("src/Orders/Rounding.cs", GitCli.Run(repo.Path, "diff", "--name-only", "main...HEAD").Trim());

        var (_, root) = Run(repo, "--severity", "SEV2");
        Assert.Equal(["smoke", "regression", "integration", "full-regression"], Ids(root));
        var leftOut = root.GetProperty("testsNotRequired").EnumerateArray().ToList();
        Assert.Equal(["cross-browser", "accessibility"], leftOut.Select(t => t.GetProperty("id").GetString()));
        Assert.All(leftOut, t => Assert.Equal("no frontend file changed", t.GetProperty("reason").GetString()));
        Assert.Equal("tests.appliesTo.cross-browser", leftOut[0].GetProperty("policyKey").GetString());

        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV2").Out;
        Assert.DoesNotContain("Tests not required", text);
        Assert.DoesNotContain("[ ] cross-browser", text);
        Assert.DoesNotContain("[ ] accessibility", text);
        Assert.Contains("Not required: cross-browser, accessibility — no frontend file changed (policy tests.appliesTo).", text);
    }

    [Fact]
    public void A_tsx_change_asks_for_them_and_names_the_file()
    {
        using var repo = RepoWith(("admin-ui/login.tsx", "export const Login = () => <form/>;\n"), ("src/Orders/Rounding.cs", "class Rounding {}\n"));
        repo.Commit("Keep the login button enabled", ("admin-ui/login.tsx", "export const Login = () => <form noValidate/>;\n"));

        var (_, root) = Run(repo, "--severity", "SEV2");
        Assert.Equal(["smoke", "regression", "integration", "full-regression", "cross-browser", "accessibility"], Ids(root));
        Assert.Empty(root.GetProperty("testsNotRequired").EnumerateArray());
        var crossBrowser = root.GetProperty("requiredTests").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "cross-browser");
        Assert.Equal(
            "required because admin-ui/login.tsx changed (frontend); SEV2: only SEV1 may defer it post-deploy (SKIP_WITH_JUSTIFICATION), so it runs before the deploy",
            crossBrowser.GetProperty("reason").GetString());

        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV2").Out;
        Assert.Contains("[ ] cross-browser: cross-browser testing — required because admin-ui/login.tsx changed (frontend);", text);
        Assert.DoesNotContain("Not required:", text);
    }

    [Fact]
    public void The_policy_decides_which_suites_have_a_condition()
    {
        using var repo = RepoWith(("src/Pdf/Invoice.cs", "class Invoice {}\n"));
        File.WriteAllText(
            Path.Combine(repo.Path, "hotfix.json"),
            """{ "tests": { "skippableOnSev1": ["full-regression", "cross-browser", "accessibility", "visual"], "appliesTo": { "visual": { "paths": ["src/Pdf/**"] }, "accessibility": { "kinds": [] } } } }""");
        repo.Commit("Draw the total", ("src/Pdf/Invoice.cs", "class Invoice { void Total() {} }\n"));

        var (_, root) = Run(repo, "--severity", "SEV1");
        Assert.Equal(["smoke", "regression", "integration", "full-regression", "accessibility", "visual"], Ids(root));
        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV1").Out;
        Assert.Contains("[ ] visual: the visual tests your policy requires — required because src/Pdf/Invoice.cs changed (matches 'src/Pdf/**'); SEV1: may run post-deploy", text);
        Assert.Contains("Not required: cross-browser — no frontend file changed (policy tests.appliesTo).", text);
    }
}
