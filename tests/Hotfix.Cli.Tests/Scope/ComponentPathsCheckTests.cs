using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>HF1104 on component paths written as CODEOWNERS writes folders: without the trailing '/'.</summary>
public class ComponentPathsCheckTests
{
    private const string Policy = """
        { "components": [
            { "name": "orders-api", "paths": ["apps/orders-api"] },
            { "name": "shared", "paths": ["packages/shared"] },
            { "name": "docs", "paths": ["docs"] } ] }
        """;

    [Fact]
    public void A_folder_without_a_trailing_slash_owns_what_is_under_it()
    {
        using var repo = RepoWith(("hotfix.json", Policy), ("apps/orders-api/src/pricing.ts", "a\n"), ("packages/shared/src/money.ts", "a\n"));
        repo.Commit("Fix", ("apps/orders-api/src/pricing.ts", "b\n"), ("packages/shared/src/money.ts", "b\n"), ("site/docs/runbook.md", "b\n"));

        var (exit, root) = Run(repo, "--scope", "orders-api");
        Assert.Equal(1, exit);
        // "docs", without '/', is any folder of that name, as in CODEOWNERS.
        Assert.Equal(["packages/shared/src/money.ts", "site/docs/runbook.md"], Findings(root, "HF1104").Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("path").GetString()));
        var components = root.GetProperty("scope").GetProperty("components");
        Assert.Equal(["orders-api", "shared", "docs"], Strings(components.GetProperty("touched")));
        Assert.Equal(0, components.GetProperty("unassignedFiles").GetInt32());
    }

    [Fact]
    public void A_folder_owns_only_whole_path_segments()
    {
        using var repo = RepoWith(("hotfix.json", Policy), ("apps/orders-api/src/pricing.ts", "a\n"));
        repo.Commit("Fix", ("apps/orders-api/src/pricing.ts", "b\n"), ("packages/shared-ui/src/Button.tsx", "b\n"), ("apps/orders-api.md", "b\n"), ("mydocs/notes.md", "b\n"));

        var (exit, root) = Run(repo, "--scope", "orders-api");
        Assert.Equal(0, exit);
        var files = root.GetProperty("scope").GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => Strings(f.GetProperty("components")));
        Assert.Equal(["orders-api"], files["apps/orders-api/src/pricing.ts"]);
        Assert.Empty(files["packages/shared-ui/src/Button.tsx"]);
        Assert.Empty(files["apps/orders-api.md"]);
        Assert.Empty(files["mydocs/notes.md"]);
    }
}
