using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.QueryInLoopAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

/// <summary>HF4001 on linq2db, SqlKata, RepoDb and PetaPoco: a round trip per item next to the same query run once.</summary>
public class MicroOrmQueryInLoopTests
{
    private static DiagnosticResult At(int location, string api) =>
        Verify.Diagnostic("HF4001").WithLocation(location).WithArguments(api, "");

    [Fact]
    public Task Their_round_trips_per_item_are_found_and_their_builders_and_single_queries_are_not() => Verify.VerifyFilesAsync(new[]
    {
        MicroOrmStubs.Usings + "using PetaPoco;\n" + Sources.Ef + """
        class C
        {
            async Task Run(DataConnection linq, QueryFactory kata, IDbConnection repo, PetaPoco.IDatabase poco, List<int> ids, Dictionary<int, string> names)
            {
                foreach (var id in ids)
                {
                    linq.{|#0:Query<Order>|}("SELECT * FROM Orders WHERE UserId = @id", new DataParameter("id", id));
                    await kata.Query("Orders").Where("UserId", id).{|#1:FirstOrDefaultAsync<Order>|}();
                    repo.{|#2:ExecuteQuery<Order>|}("SELECT * FROM Orders WHERE UserId = @id", new { id });
                    poco.{|#3:Fetch<Order>|}("SELECT * FROM Orders WHERE UserId = @0", id);
                    poco.{|#4:Single<User>|}(id);
                    var clause = new Query("Orders").WhereRaw("UserId = ?", id).Where("Archived", false);
                    var text = Sql.Builder.Append("SELECT * FROM Orders").Where("UserId = @0", id);
                    var linqQuery = linq.FromSql<Order>("SELECT * FROM Orders");
                    names.TryGetValue(id, out var name);
                }

                var all = linq.Query<Order>("SELECT * FROM Orders WHERE UserId IN @ids", new { ids }).ToList();
                var fetched = poco.Fetch<Order>("SELECT * FROM Orders WHERE UserId IN (@0)", ids);
            }
        }
        """,
        MicroOrmStubs.Source,
    },
    At(0, "Query"), At(1, "FirstOrDefaultAsync"), At(2, "ExecuteQuery"), At(3, "Fetch"), At(4, "Single"));
}
