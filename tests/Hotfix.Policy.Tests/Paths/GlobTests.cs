using Hotfix.Policy.Paths;

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
}
