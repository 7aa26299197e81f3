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

    /// <summary>
    /// Glob tests what a match must contain before its expression runs; on thousands of generated patterns (stars,
    /// double stars with and without a slash, '?', brace groups with empty and wildcard alternatives, leading and
    /// trailing '/') and paths, it answers exactly as the expression of the documented meaning.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generated_globs_match_like_their_expression(int seed)
    {
        var random = new Random(seed);
        var compared = 0;
        var matched = 0;
        for (var n = 0; n < 1500; n++)
        {
            var pattern = Text(random, "ab/.*?{},", random.Next(1, 12));
            if (!Glob.TryParse(pattern, out var glob, out _))
            {
                continue;
            }

            var expression = new Regex(EagerExpression(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline);
            for (var k = 0; k < 20; k++)
            {
                // Half the paths are the pattern with its wildcards filled in, so that matches are common too.
                var path = k % 2 == 0 ? Text(random, "ab/.,", random.Next(0, 14)) : Filled(random, pattern);
                var expected = expression.IsMatch(path.TrimStart('/'));
                Assert.True(expected == glob!.IsMatch(path), $"'{pattern}' on '{path}': expected {expected}");
                compared++;
                matched += expected ? 1 : 0;
            }
        }

        Assert.True(compared > 10_000 && matched > 1_000, $"{compared} comparisons, {matched} matches");
    }

    [Theory]
    [InlineData("*{Authentication,Authorization}*", "src/Api/Orders.cs", false)]
    [InlineData("*{Authentication,Authorization}*", "src/AuthorizationPolicy.cs", true)]
    [InlineData("*.{tsx,jsx}", "web/App.tsx", true)]
    [InlineData("*.{tsx,jsx}", "web/tsx/App.ts", false)]
    [InlineData("**/{frontend,*-ui}/**", "admin-ui/App.ts", true)]
    [InlineData("**/{frontend,web}/**", "src/webhooks/x.cs", false)]
    [InlineData("{,x}a", "a", true)]
    public void Brace_groups_match_by_one_alternative(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
    }

    /// <summary>
    /// The text a pattern starts or ends with is compared at the path's start or end before anything else runs; these
    /// are the places where that comparison must still agree with the expression.
    /// </summary>
    [Theory]
    [InlineData("*.sql", "db/a.sql\n", true)]
    [InlineData("Dockerfile", "Dockerfile\n", true)]
    [InlineData("*.sql", "db/a.sql\n\n", false)]
    [InlineData("**/models.py", "models.py", true)]
    [InlineData("a/**/b.cs", "a/b.cs", true)]
    [InlineData("src/Orders/**", "/src/Orders/a.cs", true)]
    [InlineData("/src/Orders/**", "src/Orders/a.cs", true)]
    [InlineData("src/Orders/**", "x/src/Orders/a.cs", false)]
    [InlineData("*Controller.cs", "src/OrdersController.cs", true)]
    [InlineData("*Controller.cs", "src/OrdersController.cs.bak", false)]
    [InlineData("drizzle.config.*", "drizzle.config.ts", true)]
    [InlineData("openapi*.{json,yaml}", "api/openapi.v2.yaml", true)]
    public void Anchored_text_agrees_with_the_expression(string pattern, string path, bool expected)
    {
        var expression = new Regex(EagerExpression(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        Assert.Equal(expected, expression.IsMatch(path.TrimStart('/')));
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
    }

    private static string Text(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    /// <summary>The pattern with one alternative of each brace group chosen and its wildcards replaced by text.</summary>
    private static string Filled(Random random, string pattern)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '{':
                    var end = pattern.IndexOf('}', i);
                    var alternatives = pattern[(i + 1)..end].Split(',');
                    result.Append(Filled(random, alternatives[random.Next(alternatives.Length)]));
                    i = end;
                    break;
                // "**/" also matches nothing, its slash included: the only way a match can lack a slash the pattern has.
                case '*' when i + 2 < pattern.Length && pattern[i + 1] == '*' && pattern[i + 2] == '/' && random.Next(3) == 0:
                    i += 2;
                    break;
                case '*' or '?':
                    result.Append(Text(random, "ab/", random.Next(0, 3)));
                    break;
                default:
                    result.Append(pattern[i]);
                    break;
            }
        }

        return result.ToString();
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
