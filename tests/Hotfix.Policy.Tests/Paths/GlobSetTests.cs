using Hotfix.Policy.Paths;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Paths;

/// <summary>The literal pre-check that makes matching cheap must never change a result; GlobSet names the first match.</summary>
public class GlobSetTests
{
    [Theory]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("**/dist/**", "dist/app.js", true)]
    [InlineData("**/{Auth,auth}/**", "auth/login.ts", true)]
    [InlineData("*{auth,Auth}.{ts,js,py}", "src/useAuth.ts", true)]
    [InlineData("src/{a,b}/x", "src/b/x", true)]
    [InlineData("/admin-ui/", "admin-ui/x", true)]
    [InlineData("**/*.sql", "x.sql", true)]
    [InlineData("**/Migrations/**", "src/MigrationsOld/x.cs", false)]
    [InlineData("*DbContext.cs", "src/Data/OrdersDbContext.cs", true)]
    [InlineData("*DbContext.cs", "src/Data/DbContext.cs.bak", false)]
    public void Literal_pre_check_keeps_glob_semantics(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));

    [Theory]
    [InlineData("packages/shared", "packages/shared/src/money.ts", true)]
    [InlineData("packages/shared", "packages/shared", true)]
    [InlineData("packages/shared", "packages/shared-ui/src/Button.tsx", false)]
    [InlineData("packages/shared", "apps/packages/shared/x.ts", false)]
    [InlineData("shared", "apps/web/shared/x.ts", true)]
    [InlineData("shared", "apps/web/shared.ts", false)]
    [InlineData("src/*.cs", "src/Orders/Pricing.cs", false)]
    [InlineData("apps/*", "apps/orders-api/src/x.ts", true)]
    [InlineData("apps/orders-api/", "apps/orders-api/src/x.ts", true)]
    [InlineData("apps/**", "apps/orders-api/src/x.ts", true)]
    public void Owned_paths_are_matched_like_codeowners_a_folder_owns_what_is_under_it(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobSet.OfOwnedPaths([pattern]).FirstMatch(path) is not null);

    [Fact]
    public void The_first_matching_glob_in_policy_order_is_named()
    {
        var set = GlobSet.Of(ChangeKinds.DefaultGlobs[ChangeKinds.Database]);
        Assert.Equal("**/Migrations/**", set.FirstMatch("src/Orders/Migrations/20260101_Init.sql")!.Pattern);
        Assert.Equal("*.sql", set.FirstMatch(["db/schema.sql", "db/old.sql"])!.Pattern);
        Assert.Null(set.FirstMatch("src/Orders/Pricing.cs"));
        Assert.Null(GlobSet.Of([]).FirstMatch("a"));
    }
}
