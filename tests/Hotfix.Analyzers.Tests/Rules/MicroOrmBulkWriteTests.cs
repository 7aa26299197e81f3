using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.UnboundedBulkWriteAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

/// <summary>HF2009 on the SQL text of linq2db, SqlKata, RepoDb and PetaPoco: a bounded write next to each unbounded one.</summary>
public class MicroOrmBulkWriteTests
{
    private static DiagnosticResult At(int location, string what) =>
        Verify.Diagnostic("HF2009").WithLocation(location).WithArguments(what, "");

    [Fact]
    public Task Writes_of_every_row_through_the_other_libraries_are_found_and_bounded_ones_are_not() => Verify.VerifyFilesAsync(new[]
    {
        MicroOrmStubs.Usings + "using PetaPoco;\n" + Sources.Ef + """
        class C
        {
            void Run(DataConnection linq, QueryFactory kata, IDbConnection repo, PetaPoco.IDatabase poco, int id)
            {
                linq.{|#0:Execute|}("DELETE FROM Sessions");
                linq.Execute("DELETE FROM Sessions WHERE Id = @id", new DataParameter("id", id));
                kata.{|#1:Statement|}("UPDATE Users SET Active = 0");
                kata.Statement("UPDATE Users SET Active = 0 WHERE Id = @id", new { id });
                repo.{|#2:ExecuteNonQuery|}("TRUNCATE TABLE Logs");
                repo.ExecuteNonQuery("DELETE FROM Logs WHERE Id = @id", new { id });
                poco.{|#3:Execute|}("DELETE FROM Carts");
                poco.Execute("DELETE FROM Carts WHERE UserId = @0", id);
            }
        }
        """,
        MicroOrmStubs.Source,
    },
    At(0, "'Execute' runs DELETE Sessions without WHERE"), At(1, "'Statement' runs UPDATE Users without WHERE"),
    At(2, "'ExecuteNonQuery' runs TRUNCATE Logs"), At(3, "'Execute' runs DELETE Carts without WHERE"));
}
