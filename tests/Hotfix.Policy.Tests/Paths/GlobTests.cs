using System.Text.RegularExpressions;
using Hotfix.Policy.Paths;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Paths;

public class GlobTests
{
    [Theory]
    [InlineData("src/Orders/**", "src/Orders/Api/Controller.cs", true)]
    [InlineData("src/Orders/**", "src/Orders", false)]
    [InlineData("src/Orders/**", "src/OrdersX/a.cs", false)]
    [InlineData("*.csproj", "src/Orders/Orders.csproj", true)]
    [InlineData("*.csproj", "Orders.csproj", true)]
    [InlineData("*.csproj", "src/Orders.csproj.user", false)]
    [InlineData("admin-ui/", "admin-ui/src/App.tsx", true)]
    [InlineData("admin-ui/", "other/admin-ui/x", false)]
    [InlineData("src/*/Migrations/*.cs", "src/Orders/Migrations/0001_Init.cs", true)]
    [InlineData("src/*/Migrations/*.cs", "src/Orders/Sub/Migrations/0001_Init.cs", false)]
    [InlineData("**/Migrations/**", "src/Orders/Migrations/0001_Init.cs", true)]
    [InlineData("**/Migrations/**", "Migrations/x.sql", true)]
    [InlineData("{package,package-lock}.json", "web/package-lock.json", true)]
    [InlineData("{package,package-lock}.json", "web/yarn.lock", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("docs/a.b", "docs/aXb", false)]
    [InlineData("Src/**", "src/x", false)]
    public void Matches_repository_paths(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("src\\x", "'/'")]
    [InlineData("{a,b", "not closed")]
    [InlineData("a}", "unbalanced")]
    [InlineData("{a,{b}}", "nested")]
    public void Rejects_malformed_patterns_with_a_reason(string pattern, string reason)
    {
        Assert.False(Glob.TryParse(pattern, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    /// <summary>
    /// The expression is built on first use, not when the pattern is read: every glob the runbook's policy ships still
    /// builds one, and answers as one built from the same pattern by hand (git's own meaning, anchored, case-sensitive).
    /// </summary>
    [Fact]
    public void Every_runbook_glob_matches_like_its_expression_built_up_front()
    {
        var scope = HotfixPolicy.Runbook.Scope;
        var patterns = HotfixPolicy.Runbook.Classification.Values.SelectMany(g => g)
            .Concat(scope.Generated).Concat(scope.Vendored).Concat(scope.LockFiles)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(patterns.Count > 50, $"only {patterns.Count} globs");
        string[] paths =
        [
            "src/Orders/Migrations/20240101_Init.cs", "db/migrations/V2__add.sql", "web/package-lock.json", "README.md",
            "src/Api/Program.cs", "vendor/lib/a.go", "src/Api/Obj.g.cs", "node_modules/x/index.js", "go.sum", "Dockerfile",
            ".github/workflows/ci.yml", "k8s/deployment.yaml", "tests/Api.Tests/OrderTests.cs", "docs/runbook.md",
        ];
        foreach (var pattern in patterns)
        {
            var glob = Glob.Parse(pattern);
            var eager = new Regex(EagerExpression(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline);
            foreach (var path in paths.Append(pattern.Replace("**/", string.Empty, StringComparison.Ordinal).Replace("*", "x", StringComparison.Ordinal)))
            {
                Assert.True(eager.IsMatch(path) == glob.IsMatch(path), $"{pattern} on {path}");
            }
        }
    }

    /// <summary>The documented meaning, written out independently of Glob's own translation.</summary>
    private static string EagerExpression(string pattern)
    {
        var p = pattern.TrimStart('/');
        p = p.EndsWith('/') ? p + "**" : p;
        var expression = new System.Text.StringBuilder(pattern.Contains('/', StringComparison.Ordinal) ? "^" : "^(?:.*/)?");
        var inBraces = false;
        for (var i = 0; i < p.Length; i++)
        {
            expression.Append(p[i] switch
            {
                '*' when i + 2 < p.Length && p[i + 1] == '*' && p[i + 2] == '/' => Skip(ref i, 2, "(?:.*/)?"),
                '*' when i + 1 < p.Length && p[i + 1] == '*' => Skip(ref i, 1, ".*"),
                '*' => "[^/]*",
                '?' => "[^/]",
                '{' => Toggle(ref inBraces, "(?:"),
                '}' => Toggle(ref inBraces, ")"),
                ',' when inBraces => "|",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return expression.Append('$').ToString();
    }

    private static string Skip(ref int i, int count, string text)
    {
        i += count;
        return text;
    }

    private static string Toggle(ref bool inBraces, string text)
    {
        inBraces = !inBraces;
        return text;
    }
}
