using System.Text.Json;
using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>
/// The change analysis through the published native AOT binary: the tree diff, blob reads, the .gitattributes lookup in
/// a commit, XML and JSON manifest parsing and the generated regexes all survive trimming and AOT compilation.
/// </summary>
public class ChangeAnalysisNativeTests
{
    [NativeBinaryFact]
    public void Check_reports_scope_classification_and_required_tests()
    {
        var props = "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Npgsql\" Version=\"8.0.11\" />\n  </ItemGroup>\n</Project>\n";
        var controller = "public class OrdersController\n{\n    public int Get() => 1;\n}\n";
        using var repo = RepoWith(
            (".gitattributes", "*.gen.cs linguist-generated\n"),
            ("hotfix.json", """{ "components": [ { "name": "orders-api", "paths": ["src/"] }, { "name": "admin-ui", "paths": ["admin-ui/"] } ] }"""),
            ("Directory.Packages.props", props),
            ("src/Controllers/OrdersController.cs", controller),
            ("src/Legacy.cs", "class Legacy\r\n{\r\n}\r\n"),
            ("admin-ui/app.tsx", "export const a = 1;\n"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "src", "Old"));
        repo.Commit(
            "Fix",
            ("Directory.Packages.props", props.Replace("8.0.11", "8.0.12")),
            ("src/Controllers/OrdersController.cs", controller.Replace("public class", "[Authorize]\npublic class")),
            ("src/Legacy.cs", "class Legacy\n{\n}\n"),
            ("src/Api.gen.cs", CheckJson.Numbered("// generated", 500)),
            ("admin-ui/app.tsx", "export const a = 2;\n"),
            ("src/Migrations/0042_Widen.cs", "class Widen : Migration { }\n"));

        var result = NativeBinary.Run(repo.Path, "check", "--format", "json", "--severity", "SEV1", "--scope", "orders-api", "--allow", "HF1103", "--reason", "driver fix is the hotfix");
        Assert.True(result.ExitCode == 1, result.ToString());
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(["database", "api", "auth", "frontend"], Strings(root.GetProperty("classification")));
        Assert.Contains(root.GetProperty("requiredTests").EnumerateArray(), t => t.GetProperty("id").GetString() == "auth-end-to-end");
        var scope = root.GetProperty("scope");
        Assert.Equal(repo.Git("merge-base", "main", "HEAD"), scope.GetProperty("mergeBase").GetString());
        Assert.Equal(1, scope.GetProperty("counts").GetProperty("generatedFiles").GetInt32());
        Assert.Equal(["admin-ui"], Strings(scope.GetProperty("components").GetProperty("outside")));
        Assert.Equal("src/Legacy.cs", Assert.Single(Findings(root, "HF1102")).GetProperty("path").GetString());
        Assert.Equal("admin-ui/app.tsx", Assert.Single(Findings(root, "HF1104")).GetProperty("path").GetString());
        var dependency = Assert.Single(Findings(root, "HF1103"));
        Assert.Equal("driver fix is the hotfix", dependency.GetProperty("waiver").GetProperty("reason").GetString());
        Assert.Contains("Npgsql 8.0.11 → 8.0.12", dependency.GetProperty("message").GetString());

        var bad = NativeBinary.Run(repo.Path, "check", "--allow", "HF1101");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("needs a reason", bad.StandardError);
    }
}
