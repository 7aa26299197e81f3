using System.Text;
using System.Text.Json;
using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>HF1101–HF1105 end to end on real repositories, with true positives and true negatives, cross-checked with git.</summary>
public class ScopeRuleCheckTests
{
    [Fact]
    public void HF1101_blocks_a_sev1_change_over_budget_and_counts_like_git_numstat()
    {
        using var repo = RepoWith(("src/A.cs", Numbered("int a", 10)));
        repo.Commit("Fix", Enumerable.Range(1, 6).Select(i => ($"src/F{i}.cs", (string?)Numbered($"int f{i}", 5))).Append(("src/A.cs", Numbered("int a", 12))).ToArray());

        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Equal(1, exit);
        Assert.Contains("7 files and 32 changed lines, against a budget of 5 files and 100 lines", Assert.Single(Findings(root, "HF1101")).GetProperty("message").GetString());

        var counts = root.GetProperty("scope").GetProperty("counts");
        var numstat = repo.Git("diff", "--numstat", "main...HEAD").Split('\n').Select(l => l.Split('\t')).ToList();
        Assert.Equal(numstat.Count, counts.GetProperty("files").GetInt32());
        Assert.Equal(numstat.Sum(p => int.Parse(p[0])), counts.GetProperty("addedLines").GetInt32());
        Assert.Equal(numstat.Sum(p => int.Parse(p[1])), counts.GetProperty("deletedLines").GetInt32());
        Assert.True(root.GetProperty("scope").GetProperty("budget").GetProperty("exceeded").GetBoolean());

        var (sev3, _) = Run(repo, "--severity", "SEV3");
        Assert.Equal(0, sev3);
    }

    [Fact]
    public void HF1101_never_counts_a_lock_file_or_linguist_generated_file_against_the_budget()
    {
        using var repo = RepoWith((".gitattributes", "api/openapi.json linguist-generated=true\n"));
        repo.Commit(
            "Fix with a dependency bump",
            ("src/Fix.cs", Numbered("int fix", 20)),
            ("package-lock.json", "{ \"packages\": {\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"  \"node_modules/p{i}\": {{ \"version\": \"1.0.{i}\" }},\n")) + "  \"\": {} }\n}\n"),
            ("api/openapi.json", Numbered("\"path\"", 400)));

        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Empty(Findings(root, "HF1101"));
        Assert.Equal(0, exit);
        var scope = root.GetProperty("scope");
        Assert.Equal((1, 20, 1, 1), (scope.GetProperty("counts").GetProperty("countedFiles").GetInt32(), scope.GetProperty("counts").GetProperty("countedLines").GetInt32(), scope.GetProperty("counts").GetProperty("lockFiles").GetInt32(), scope.GetProperty("counts").GetProperty("generatedFiles").GetInt32()));
        var roles = scope.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("role").GetString());
        Assert.Equal("generated", roles["api/openapi.json"]);
        Assert.Equal("lockFile", roles["package-lock.json"]);
        Assert.Equal(3000, scope.GetProperty("dependencies").GetArrayLength());
    }

    [Fact]
    public void Allow_with_reason_waives_HF1101_in_every_format()
    {
        using var repo = RepoWith();
        repo.Commit("Fix", Enumerable.Range(1, 6).Select(i => ($"src/F{i}.cs", (string?)"x\n")).ToArray());
        const string reason = "migration and snapshot must ship together; reviewed by mira";

        var (exit, root) = Run(repo, "--severity", "SEV1", "--allow", "HF1101", "--reason", reason);
        Assert.Equal(0, exit);
        var finding = Assert.Single(Findings(root, "HF1101"));
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        Assert.Equal((reason, "--allow", "error"), (finding.GetProperty("waiver").GetProperty("reason").GetString(), finding.GetProperty("waiver").GetProperty("source").GetString(), finding.GetProperty("waiver").GetProperty("originalSeverity").GetString()));

        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV1", "--allow", "HF1101", "--reason", reason);
        Assert.Contains($"waived (error → info) by --allow: {reason}", text.Out);
        var markdown = CliRun.Run(repo.Path, "check", "-f", "markdown", "--severity", "SEV1", "--allow", "HF1101", "--reason", reason);
        Assert.Contains($"_waived (error → info) by --allow: {reason}_", markdown.Out);
        var sarif = JsonDocument.Parse(CliRun.Run(repo.Path, "check", "-f", "sarif", "--severity", "SEV1", "--allow", "HF1101", "--reason", reason).Out).RootElement;
        var suppression = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "HF1101").GetProperty("suppressions")[0];
        Assert.Equal(("external", "accepted", reason), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString(), suppression.GetProperty("justification").GetString()));
    }

    [Fact]
    public void A_policy_waiver_for_the_incident_works_like_allow()
    {
        using var repo = RepoWith(("hotfix.json", """{ "waivers": [ { "incident": "INC-2026-0042", "rule": "HF1101", "reason": "approved in the incident channel" } ] }"""));
        repo.Commit("Fix", Enumerable.Range(1, 6).Select(i => ($"src/F{i}.cs", (string?)"x\n")).ToArray());
        var (exit, root) = Run(repo, "--severity", "SEV1");
        Assert.Equal(0, exit);
        Assert.Equal("policy waiver for INC-2026-0042", Assert.Single(Findings(root, "HF1101")).GetProperty("waiver").GetProperty("source").GetString());
    }

    [Theory]
    [InlineData(new[] { "--allow", "HF1101" }, "--allow HF1101 needs a reason")]
    [InlineData(new[] { "--reason", "because" }, "--reason is given without --allow")]
    [InlineData(new[] { "--allow", "HF9999", "--reason", "x" }, "--allow 'HF9999': not a rule id")]
    [InlineData(new[] { "--scope", "orders" }, "--scope 'orders': the policy defines no components")]
    [InlineData(new[] { "--kind", "perf" }, "--kind 'perf': not a change kind; expected one of database, api, auth, performance")]
    public void Bad_combinations_exit_2_with_one_clear_line(string[] args, string message)
    {
        using var repo = RepoWith();
        repo.Commit("Fix", ("src/A.cs", "x\n"));
        var result = CliRun.Run(repo.Path, ["check", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void HF1102_reports_a_crlf_to_lf_file_but_not_a_logic_change_that_reindents()
    {
        var method = "class Pricing\n{\n    decimal Total(Order o)\n    {\n        var sum = o.Sum();\n        return Math.Round(sum, 2);\n    }\n}\n";
        using var repo = RepoWith(("src/Pricing.cs", method), ("src/Legacy.cs", method.Replace("\n", "\r\n")));
        var wrapped = method.Replace("        var sum = o.Sum();\n        return Math.Round(sum, 2);\n", "        if (o.Any())\n        {\n            var sum = o.Sum();\n            return Math.Round(sum, 2, MidpointRounding.AwayFromZero);\n        }\n        return 0m;\n");
        repo.Commit("Fix and tidy", ("src/Pricing.cs", wrapped), ("src/Legacy.cs", method));

        var (_, root) = Run(repo);
        var finding = Assert.Single(Findings(root, "HF1102"));
        Assert.Equal("src/Legacy.cs", finding.GetProperty("path").GetString());
        Assert.Contains("line endings", finding.GetProperty("message").GetString());
        Assert.Contains("git checkout " + repo.Git("merge-base", "main", "HEAD")[..12] + " -- src/Legacy.cs", finding.GetProperty("message").GetString());

        // git agrees: ignoring whitespace, the formatting-only file has no change and the real one does.
        var ignoringWhitespace = repo.Git("diff", "-w", "--ignore-blank-lines", "--numstat", "main...HEAD");
        Assert.DoesNotContain("src/Legacy.cs", ignoringWhitespace);
        Assert.Contains("src/Pricing.cs", ignoringWhitespace);
    }

    [Fact]
    public void HF1103_names_each_package_change_and_ignores_a_project_change_without_one()
    {
        var props = "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Npgsql\" Version=\"8.0.11\" />\n  </ItemGroup>\n</Project>\n";
        var project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Npgsql\" />\n  </ItemGroup>\n</Project>\n";
        using var repo = RepoWith(("Directory.Packages.props", props), ("src/App/App.csproj", project), ("web/package.json", "{ \"dependencies\": { \"react\": \"18.3.1\" } }\n"));
        repo.Commit(
            "Bump",
            ("Directory.Packages.props", props.Replace("8.0.11", "8.0.12")),
            ("src/App/App.csproj", project.Replace("</Project>", "  <PropertyGroup><Nullable>enable</Nullable></PropertyGroup>\n</Project>")),
            ("web/package.json", "{ \"dependencies\": { \"react\": \"18.3.1\", \"left-pad\": \"1.3.0\" } }\n"));

        var (_, root) = Run(repo);
        var findings = Findings(root, "HF1103").ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("message").GetString()!);
        Assert.Equal(["Directory.Packages.props", "web/package.json"], findings.Keys.Order());
        Assert.StartsWith("Changes 1 package: Npgsql 8.0.11 → 8.0.12.", findings["Directory.Packages.props"]);
        Assert.StartsWith("Changes 1 package: added left-pad 1.3.0.", findings["web/package.json"]);
        var dependency = root.GetProperty("scope").GetProperty("dependencies")[0];
        Assert.Equal(("Npgsql", "8.0.11", "8.0.12"), (dependency.GetProperty("package").GetString(), dependency.GetProperty("from").GetString(), dependency.GetProperty("to").GetString()));
    }

    [Fact]
    public void HF1104_lists_files_outside_the_declared_scope()
    {
        const string policy = """{ "components": [ { "name": "orders-api", "paths": ["src/Orders.Api/"] }, { "name": "admin-ui", "paths": ["admin-ui/"] } ] }""";
        using var repo = RepoWith(("hotfix.json", policy), ("src/Orders.Api/Pricing.cs", "a\n"), ("admin-ui/App.tsx", "a\n"));
        repo.Commit("Fix", ("src/Orders.Api/Pricing.cs", "b\n"), ("admin-ui/App.tsx", "b\n"), ("README.md", "# Orders\n"));

        var (exit, root) = Run(repo, "--scope", "orders-api");
        Assert.Equal(1, exit);
        var finding = Assert.Single(Findings(root, "HF1104"));
        Assert.Equal(("admin-ui/App.tsx", "error"), (finding.GetProperty("path").GetString(), finding.GetProperty("severity").GetString()));
        var components = root.GetProperty("scope").GetProperty("components");
        Assert.Equal(["admin-ui"], Strings(components.GetProperty("outside")));
        Assert.Equal(1, components.GetProperty("unassignedFiles").GetInt32());

        var (inScope, _) = Run(repo, "--scope", "orders-api,admin-ui");
        Assert.Equal(0, inScope);
        var (_, undeclared) = Run(repo);
        Assert.Equal("info", Assert.Single(Findings(undeclared, "HF1104")).GetProperty("severity").GetString());

        var unknown = CliRun.Run(repo.Path, "check", "--scope", "orders");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--scope 'orders': not a component of the policy; expected one of orders-api, admin-ui", unknown.Error);
    }

    [Fact]
    public void HF1105_reports_a_pure_rename_but_not_a_rename_with_a_one_line_edit()
    {
        var body = string.Concat(Enumerable.Range(1, 30).Select(i => $"    public int Value{i} => {i};\n"));
        using var repo = RepoWith(("src/Pricing.cs", "class Pricing\n{\n" + body + "}\n"), ("src/Tax.cs", "class Tax\n{\n" + body + "}\n"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "src", "Billing"));
        repo.Git("mv", "src/Pricing.cs", "src/Billing/Pricing.cs");
        repo.Git("mv", "src/Tax.cs", "src/Billing/Tax.cs");
        repo.Commit("Move", ("src/Billing/Tax.cs", "class Tax\n{\n" + body.Replace("Value7 => 7", "Value7 => 70") + "}\n"));
        Assert.Contains("R100", repo.Git("diff", "--name-status", "-M", "main...HEAD"));

        var (_, root) = Run(repo);
        var finding = Assert.Single(Findings(root, "HF1105"));
        Assert.Equal("src/Billing/Pricing.cs", finding.GetProperty("path").GetString());
        Assert.Contains("Renamed from src/Pricing.cs without any change", finding.GetProperty("message").GetString());
        var files = root.GetProperty("scope").GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.True(files["src/Billing/Pricing.cs"].GetProperty("moved").GetBoolean());
        Assert.False(files["src/Billing/Tax.cs"].GetProperty("moved").GetBoolean());
        Assert.InRange(files["src/Billing/Tax.cs"].GetProperty("similarity").GetInt32(), 90, 99);
    }

    [Fact]
    public void HF1105_reports_methods_moved_unchanged_to_another_file()
    {
        var helper = "    public static decimal Round(decimal v)\n    {\n        var scaled = v * 100m;\n        var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);\n        var back = rounded / 100m;\n        Log(back);\n        return back;\n    }\n";
        using var repo = RepoWith(("src/Pricing.cs", "class Pricing\n{\n" + helper + "    int X => 1;\n}\n"), ("src/Money.cs", "static class Money\n{\n    int Y => 2;\n}\n"));
        repo.Commit("Move Round to Money", ("src/Pricing.cs", "class Pricing\n{\n    int X => 1;\n}\n"), ("src/Money.cs", "static class Money\n{\n    int Y => 2;\n" + helper + "}\n"));

        var (_, root) = Run(repo);
        var paths = Findings(root, "HF1105").Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(["src/Money.cs", "src/Pricing.cs"], paths);
    }
}
