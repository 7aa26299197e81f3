using Hotfix.Analyzers.CodeFixes.Rules;
using Hotfix.Analyzers.Rules;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Fix = Hotfix.Analyzers.Tests.Infrastructure.CodeFixTest<Hotfix.Analyzers.Rules.SqlInjectionAnalyzer, Hotfix.Analyzers.CodeFixes.Rules.SqlInjectionCodeFixProvider>;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SqlInjectionAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class SqlInjectionCodeFixTests
{
    private static string Wrap(string body) => Sources.Ef + "class C\n{\n" + body + "\n}\n";

    private static DiagnosticResult At(int location, string api, string piece) =>
        Verify.Diagnostic("HF3001").WithLocation(location).WithArguments(api, piece, "");

    [Fact]
    public Task FromSqlRaw_becomes_FromSql_and_loses_the_quotes_around_the_hole() => Fix.VerifyAsync(
        Wrap("""
            IQueryable<User> Find(Shop db, string name) =>
                db.Users.{|#0:FromSqlRaw|}($"SELECT * FROM Users WHERE Name = '{name}' AND Id > 0");
            """),
        [At(0, "FromSqlRaw", "name")],
        Wrap("""
            IQueryable<User> Find(Shop db, string name) =>
                db.Users.FromSql($"SELECT * FROM Users WHERE Name = {name} AND Id > 0");
            """));

    [Fact]
    public Task ExecuteSqlRawAsync_keeps_its_cancellation_token() => Fix.VerifyAsync(
        Wrap("""
            Task<int> Delete(Shop db, string name, CancellationToken ct) =>
                db.Database.{|#0:ExecuteSqlRawAsync|}($"DELETE FROM Users WHERE Name = '{name}'", ct);
            """),
        [At(0, "ExecuteSqlRawAsync", "name")],
        Wrap("""
            Task<int> Delete(Shop db, string name, CancellationToken ct) =>
                db.Database.ExecuteSqlAsync($"DELETE FROM Users WHERE Name = {name}", ct);
            """));

    [Fact]
    public Task SqlQueryRaw_becomes_SqlQuery() => Fix.VerifyAsync(
        Wrap("""
            IQueryable<int> Ids(Shop db, string name) => db.Database.{|#0:SqlQueryRaw<int>|}($"SELECT Id AS Value FROM Users WHERE Name = {name}");
            """),
        [At(0, "SqlQueryRaw", "name")],
        Wrap("""
            IQueryable<int> Ids(Shop db, string name) => db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Users WHERE Name = {name}");
            """));

    [Fact]
    public Task No_fix_when_positional_parameters_follow() => Fix.VerifyAsync(
        Wrap("""
            int Delete(Shop db, string table, int id) => db.Database.{|#0:ExecuteSqlRaw|}($"DELETE FROM {table} WHERE Id = {{0}}", id);
            """),
        [At(0, "ExecuteSqlRaw", "table")],
        Wrap("""
            int Delete(Shop db, string table, int id) => db.Database.{|#0:ExecuteSqlRaw|}($"DELETE FROM {table} WHERE Id = {{0}}", id);
            """));

    [Fact]
    public Task No_fix_when_the_sql_was_built_in_a_local() => Fix.VerifyAsync(
        Wrap("""
            int Delete(Shop db, string name)
            {
                var sql = $"DELETE FROM Users WHERE Name = '{name}'";
                return db.Database.{|#0:ExecuteSqlRaw|}(sql);
            }
            """),
        [At(0, "ExecuteSqlRaw", "name")],
        Wrap("""
            int Delete(Shop db, string name)
            {
                var sql = $"DELETE FROM Users WHERE Name = '{name}'";
                return db.Database.{|#0:ExecuteSqlRaw|}(sql);
            }
            """));
}
