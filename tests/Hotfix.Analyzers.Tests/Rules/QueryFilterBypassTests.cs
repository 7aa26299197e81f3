using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.QueryFilterBypassAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class QueryFilterBypassTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string what, string exposed) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HF3003", DiagnosticSeverity.Info).WithLocation(location).WithArguments("IgnoreQueryFilters()", what, exposed, "");

    [Fact]
    public Task IgnoreQueryFilters_is_reported_as_a_suggestion() => Expect("""
        List<User> All(Shop db) => db.Users.{|#0:IgnoreQueryFilters|}().Where(u => u.Id > 0).ToList();
        """, At(0, "every global query filter", "other tenants' or deleted rows"));

    [Fact]
    public Task Named_filters_are_named_and_not_said_to_expose_other_tenants() => Expect("""
        List<User> All(Shop db) => db.Users.{|#0:IgnoreQueryFilters|}(new[] { "SoftDelete" }).ToList();
        """, At(0, "the query filters new[] { \"SoftDelete\" }", "the rows those filters hide"));

    [Fact]
    public Task Queries_that_keep_the_filters_are_not_reported() => Expect("""
        List<User> All(Shop db) => db.Users.Where(u => u.TenantId == 1).AsNoTracking().ToList();
        static IQueryable<T> IgnoreQueryFilters<T>(IQueryable<T> q) => q;
        List<User> Own(Shop db) => IgnoreQueryFilters(db.Users).ToList();
        """);

    [Fact]
    public Task A_hotfix_that_adds_IgnoreQueryFilters_gets_an_error() => Verify.VerifyHotfixAsync(
        Sources.Ef + "class C\n{\n    List<User> All(Shop db) => db.Users\n        .{|#0:IgnoreQueryFilters|}()\n        .ToList();\n}\n",
        Verify.ChangedLinesOf(Sources.Ef.Count(c => c == '\n') + 5),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HF3003", DiagnosticSeverity.Error).WithLocation(0));
}
