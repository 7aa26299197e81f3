using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SqlInjectionAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

/// <summary>HF3001 on linq2db, SqlKata, RepoDb, PetaPoco and NPoco: each safe idiom next to its buggy twin.</summary>
public class MicroOrmSqlInjectionTests
{
    private static Task Expect(string usings, string body, params DiagnosticResult[] expected) =>
        Verify.VerifyFilesAsync(new[] { usings + Sources.Ef + "class C\n{\n" + body + "\n}\n", MicroOrmStubs.Source }, expected);

    private static DiagnosticResult At(int location, string api, string piece) =>
        Verify.Diagnostic("HF3001").WithLocation(location).WithArguments(api, piece, "");

    [Fact]
    public Task Linq2db_text_built_from_input_is_found_and_its_parameters_and_interpolated_FromSql_are_not() => Expect(MicroOrmStubs.Usings, """
        IEnumerable<User> Find(DataConnection db, string name) =>
            db.{|#0:Query<User>|}("SELECT * FROM Users WHERE Name = '" + name + "'");
        IEnumerable<User> FindSafe(DataConnection db, string name) =>
            db.Query<User>("SELECT * FROM Users WHERE Name = @name", new DataParameter("name", name));
        int Purge(DataConnection db, string id) => db.{|#1:Execute|}($"DELETE FROM Users WHERE Id = '{id}'");
        int PurgeSafe(DataConnection db, string id) => db.Execute("DELETE FROM Users WHERE Id = @id", new DataParameter("id", id));
        IQueryable<User> Raw(DataConnection db, string name) => db.{|#2:FromSql<User>|}("SELECT * FROM Users WHERE Name = '" + name + "'");
        IQueryable<User> Interpolated(DataConnection db, string name) => db.FromSql<User>($"SELECT * FROM Users WHERE Name = {name}");
        IQueryable<User> Positional(DataConnection db, string name) => db.FromSql<User>("SELECT * FROM Users WHERE Name = {0}", name);
        int Procedure(DataConnection db, string name) => db.ExecuteProc("dbo.Purge" + name);
        """,
        At(0, "Query", "name"), At(1, "Execute", "id"), At(2, "FromSql", "name"));

    [Fact]
    public Task SqlKata_raw_clauses_with_bindings_are_silent_and_interpolated_ones_are_found() => Expect(MicroOrmStubs.Usings, """
        Query Search(string name) => new Query("Users").{|#0:WhereRaw|}($"Name = '{name}'");
        Query SearchSafe(string name) => new Query("Users").WhereRaw("Name = ?", name).Where("Name", name).OrWhereRaw("Email = ?", name);
        Query Count(string column) => new Query("Users").{|#1:SelectRaw|}("COUNT(" + column + ") AS total");
        Query CountSafe() => new Query("Users").SelectRaw("COUNT(*) AS total").GroupByRaw("TenantId");
        Query From(string table) => new Query().{|#2:FromRaw|}($"{table} WITH (NOLOCK)");
        Query Sorted(Sort sort) => new Query("Users").OrderByRaw($"{sort} DESC");
        Raw Fragment(string name) => new {|#3:Raw|}("Name = '" + name + "'");
        Raw FragmentSafe(string name) => new Raw("Name = ?", name);
        int Purge(QueryFactory db, string source) => db.{|#4:Statement|}("DELETE FROM Logs WHERE Source = '" + source + "'");
        int PurgeSafe(QueryFactory db, string source) => db.Statement("DELETE FROM Logs WHERE Source = @source", new { source });
        IEnumerable<string> Names(IEnumerable<string> names, Func<string, bool> keep) => names.Where(keep).Select(n => n.Trim());
        """,
        At(0, "WhereRaw", "name"), At(1, "SelectRaw", "column"), At(2, "FromRaw", "table"), At(3, "new Raw", "name"), At(4, "Statement", "source"));

    [Fact]
    public Task RepoDb_command_text_is_a_sink_unless_it_names_a_stored_procedure() => Expect(MicroOrmStubs.Usings, """
        IEnumerable<User> Find(IDbConnection connection, string name) =>
            connection.{|#0:ExecuteQuery<User>|}($"SELECT * FROM Users WHERE Name = '{name}'");
        IEnumerable<User> FindSafe(IDbConnection connection, string name) =>
            connection.ExecuteQuery<User>("SELECT * FROM Users WHERE Name = @name", new { name });
        int Rename(IDbConnection connection, string name)
        {
            var sql = "UPDATE Users SET Name = '" + name + "' WHERE Id = 1";
            return connection.{|#1:ExecuteNonQuery|}(sql);
        }
        int Procedure(IDbConnection connection, string schema) =>
            connection.ExecuteNonQuery(schema + ".PurgeSessions", commandType: CommandType.StoredProcedure);
        """,
        At(0, "ExecuteQuery", "name"), At(1, "ExecuteNonQuery", "name"));

    [Fact]
    public Task PetaPoco_positional_arguments_are_silent_and_spliced_input_is_found() => Expect("using PetaPoco;\n", """
        List<User> Find(IDatabase db, string name) => db.{|#0:Fetch<User>|}("SELECT * FROM Users WHERE Name = '" + name + "'");
        List<User> FindSafe(IDatabase db, string name) => db.Fetch<User>("SELECT * FROM Users WHERE Name = @0", name);
        IEnumerable<User> Query(Database db, string name) => db.{|#1:Query<User>|}($"SELECT * FROM Users WHERE Name = '{name}'");
        IEnumerable<User> QuerySafe(Database db, string name) => db.Query<User>("SELECT * FROM Users WHERE Name = @0", name);
        User One(IDatabase db, int id) => db.Single<User>(id);
        bool Taken(IDatabase db, string name) => db.{|#2:Exists<User>|}("Name = '" + name + "'");
        List<User> Built(IDatabase db, string name, string sort)
        {
            var sql = Sql.Builder.Append("SELECT * FROM Users").{|#3:Where|}("Name = '" + name + "'");
            sql.Append("AND TenantId = @0", 1).{|#4:Append|}($"ORDER BY {sort}");
            return db.Fetch<User>(sql);
        }
        List<User> BuiltSafe(IDatabase db, string name)
        {
            var sql = Sql.Builder.Append("SELECT * FROM Users").Where("Name = @0", name).Append(new Sql("ORDER BY Name"));
            var text = new System.Text.StringBuilder("SELECT 1");
            text.Append(name).Append(" AND " + name);
            return db.Fetch<User>(sql);
        }
        Sql Start(string table) => new {|#5:Sql|}("SELECT * FROM " + table);
        """,
        At(0, "Fetch", "name"), At(1, "Query", "name"), At(2, "Exists", "name"), At(3, "Where", "name"), At(4, "Append", "sort"),
        At(5, "new Sql", "table"));

    [Fact]
    public Task NPoco_is_read_as_PetaPoco() => Expect("using NPoco;\n", """
        List<User> Find(IDatabase db, string name) => db.{|#0:Fetch<User>|}($"SELECT * FROM Users WHERE Name = '{name}'");
        List<User> FindSafe(IDatabase db, string name) => db.Fetch<User>("SELECT * FROM Users WHERE Name = @0", name);
        Sql Where(string name) => Sql.Builder.{|#1:Append|}("SELECT * FROM Users WHERE Name = '" + name + "'");
        """,
        At(0, "Fetch", "name"), At(1, "Append", "name"));
}
