using Hotfix.Analyzers.Tests.Infrastructure;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.UnboundedBulkWriteAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class UnboundedBulkWriteTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string what) =>
        Verify.Diagnostic("HF2009").WithLocation(location).WithArguments(what, "");

    [Fact]
    public Task A_write_of_every_row_handed_to_a_helper_that_runs_its_text_is_reported_at_the_call() => Expect("""
        static class SqlHelper
        {
            public static int ExecuteNonQuery(string commandText)
            {
                using var connection = new SqliteConnection("Data Source=shop.db");
                using var command = new SqliteCommand(commandText, connection);
                return command.ExecuteNonQuery();
            }
            public static int Log(string message) => message.Length;
        }
        void Run(int id)
        {
            SqlHelper.{|#0:ExecuteNonQuery|}("DELETE FROM Orders");
            SqlHelper.{|#1:ExecuteNonQuery|}("DELETE FROM " + "Orders");
            var sql = "UPDATE Orders SET Archived = 1";
            SqlHelper.{|#2:ExecuteNonQuery|}(sql);
            SqlHelper.ExecuteNonQuery("DELETE FROM Orders WHERE Id = " + id);
            SqlHelper.Log("delete every order");
        }
        """,
        At(0, "'SqlHelper.ExecuteNonQuery → new SqliteCommand' runs DELETE Orders without WHERE"),
        At(1, "'SqlHelper.ExecuteNonQuery → new SqliteCommand' runs DELETE Orders without WHERE"),
        At(2, "'SqlHelper.ExecuteNonQuery → new SqliteCommand' runs UPDATE Orders without WHERE"));

    [Fact]
    public Task Sql_made_by_string_Format_or_Concat_is_read_with_its_holes_and_maintenance_or_batched_writes_are_bounded() => Expect("""
        const string Table = "Orders";
        void Run(Shop db, string table, int id, object[] values)
        {
            db.Database.{|#0:ExecuteSqlRaw|}(string.Format("DELETE FROM {0}", Table));
            db.Database.{|#1:ExecuteSqlRaw|}(string.Format(System.Globalization.CultureInfo.InvariantCulture, "DELETE FROM [{0}]", table));
            db.Database.{|#2:ExecuteSqlRaw|}(string.Concat("UPDATE ", Table, " SET Name = 'x'"));
            db.Database.ExecuteSqlRaw(string.Format("DELETE FROM {0} WHERE Id = {1}", Table, id));
            db.Database.ExecuteSqlRaw(string.Format("DELETE FROM {0}", table));
            db.Database.ExecuteSqlRaw(string.Format("DELETE FROM Orders WHERE {0}", values));
            db.Database.ExecuteSqlRaw(string.Format("DELETE FROM {{0}} {0}", "WHERE Id = 1"));
            db.Database.ExecuteSqlRaw("UPDATE STATISTICS dbo.Orders WITH FULLSCAN");
            db.Database.ExecuteSqlRaw("WITH batch AS (SELECT TOP (1000) * FROM Orders WHERE Archived = 1) DELETE FROM batch");
        }
        """,
        At(0, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"),
        At(1, "'ExecuteSqlRaw' runs DELETE […] without WHERE"),
        At(2, "'ExecuteSqlRaw' runs UPDATE Orders without WHERE"));

    [Fact]
    public Task A_branch_of_a_conditional_without_a_filter_is_an_unfiltered_path() => Expect("""
        int Purge(Shop db, bool archivedOnly, IQueryable<Order>? given)
        {
            var query = archivedOnly ? db.Orders.Where(o => o.Archived) : db.Orders;
            var both = archivedOnly ? db.Orders.Where(o => o.Archived) : db.Orders.Where(o => o.Total == 0);
            both.ExecuteDelete();
            (given ?? db.Orders.Where(o => o.Archived)).ExecuteDelete();
            (archivedOnly ? db.Users.Where(u => u.TenantId == 1) : db.Users).{|#1:ExecuteDelete|}();
            return query.{|#0:ExecuteDelete|}();
        }
        """, At(0, "'ExecuteDelete' runs on a query with no Where"), At(1, "'ExecuteDelete' runs on a query with no Where"));

    [Fact]
    public Task A_global_filter_that_scopes_to_the_tenant_or_user_bounds_a_bulk_write_and_a_soft_delete_filter_does_not() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        public enum State { Live, Gone }
        public class CartItem { public int Id { get; set; } public string Owner { get; set; } = ""; }
        public class Invoice { public int Id { get; set; } public int TenantId { get; set; } }
        public class Post { public int Id { get; set; } public bool IsDeleted { get; set; } public State State { get; set; } public List<string> Tags { get; set; } = new(); }

        public interface ITenant { int Id { get; } }

        public class Store(ITenant tenant, string currentUser) : DbContext
        {
            public DbSet<CartItem> Cart => Set<CartItem>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<Post> Posts => Set<Post>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<CartItem>().HasQueryFilter(i => i.Owner == currentUser);
                modelBuilder.Entity<Post>().HasQueryFilter(p => !p.IsDeleted && p.State != State.Gone && p.Tags.Any(t => t != "x"));
                modelBuilder.ApplyConfiguration(new InvoiceConfiguration(tenant));
            }
        }

        public class InvoiceConfiguration(ITenant tenant) : IEntityTypeConfiguration<Invoice>
        {
            public void Configure(EntityTypeBuilder<Invoice> builder) => builder.HasQueryFilter(i => i.TenantId == tenant.Id);
        }

        class C
        {
            async Task Run(Store db)
            {
                await db.Cart.ExecuteDeleteAsync();
                await db.Invoices.ExecuteUpdateAsync(s => s.SetProperty(i => i.TenantId, i => i.TenantId));
                await db.Posts.{|#0:ExecuteDeleteAsync|}();
                await db.Cart.IgnoreQueryFilters().{|#1:ExecuteDeleteAsync|}();
            }
        }
        """,
        At(0, "'ExecuteDeleteAsync' runs on a query with no Where"),
        At(1, "'ExecuteDeleteAsync' runs on a query with no Where"));

    [Fact]
    public Task ExecuteDelete_and_ExecuteUpdate_without_Where() => Expect("""
        async Task Run(Shop db)
        {
            db.Orders.{|#0:ExecuteDelete|}();
            await db.Set<Order>().OrderBy(o => o.Id).{|#1:ExecuteUpdateAsync|}(s => s.SetProperty(o => o.Archived, true));
        }
        """,
        At(0, "'ExecuteDelete' runs on a query with no Where"),
        At(1, "'ExecuteUpdateAsync' runs on a query with no Where"));

    [Fact]
    public Task A_filter_added_only_under_a_condition_leaves_the_unfiltered_path() => Expect("""
        int Purge(Shop db, int? tenant)
        {
            var query = db.Users.AsQueryable();
            if (tenant != null) query = query.Where(u => u.TenantId == tenant);
            return query.{|#0:ExecuteDelete|}();
        }
        """, At(0, "'ExecuteDelete' runs on a query with no Where"));

    [Fact]
    public Task A_query_narrowed_by_an_unconditional_reassignment_is_filtered() => Expect("""
        async Task Purge(Shop db, int tenant, List<int> ids)
        {
            var query = db.Orders.AsQueryable();
            query = query.Where(o => o.Archived);
            query.ExecuteDelete();
            IQueryable<User> users = db.Users;
            users = users.Where(u => u.TenantId == tenant);
            users = users.OrderBy(u => u.Id);
            await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, "x"));
            var all = db.Orders.Where(o => o.Archived);
            all = db.Orders.OrderBy(o => o.Id);
            all.{|#0:ExecuteDelete|}();
            var each = db.Users.AsQueryable();
            foreach (var id in ids) each = each.Where(u => u.Id != id);
            each.{|#1:ExecuteDelete|}();
        }
        """,
        At(0, "'ExecuteDelete' runs on a query with no Where"),
        At(1, "'ExecuteDelete' runs on a query with no Where"));

    [Fact]
    public Task Filtered_and_unknown_queries_are_fine() => Expect("""
        int Purge(Shop db, int tenant, IQueryable<User> given, bool strict)
        {
            db.Orders.Where(o => o.Archived).ExecuteDelete();
            var query = db.Users.Where(u => u.TenantId == tenant);
            if (strict) query = query.Where(u => u.Id > 0);
            query.ExecuteDelete();
            db.Users.FromSqlRaw("SELECT * FROM Users WHERE Id = 1").ExecuteDelete();
            return given.ExecuteDelete();
        }
        """);

    [Fact]
    public Task Raw_delete_update_and_truncate_without_where() => Expect("""
        async Task Run(Shop db, SqliteConnection connection, IDbConnection dapper, string name)
        {
            db.Database.{|#0:ExecuteSqlRaw|}("DELETE FROM Orders");
            await db.Database.{|#1:ExecuteSqlAsync|}($"UPDATE Users SET Name = {name}");
            var command = connection.CreateCommand();
            command.{|#2:CommandText|} = "TRUNCATE TABLE Orders";
            dapper.{|#3:Execute|}(@"
                UPDATE Users SET Name = 'x' -- WHERE Id = 1
                ");
            const string table = "Orders";
            db.Database.{|#4:ExecuteSqlRaw|}("DELETE FROM " + table + " ; SELECT 1");
            db.Database.{|#5:ExecuteSqlRaw|}("UPDATE Users SET Name = (SELECT Name FROM Users u WHERE u.Id = 1)");
        }
        """,
        At(0, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"),
        At(1, "'ExecuteSqlAsync' runs UPDATE Users without WHERE"),
        At(2, "'SqliteCommand.CommandText' runs TRUNCATE Orders"),
        At(3, "'Execute' runs UPDATE Users without WHERE"),
        At(4, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"),
        At(5, "'ExecuteSqlRaw' runs UPDATE Users without WHERE"));

    [Fact]
    public Task Sql_assembled_in_locals_is_followed() => Expect("""
        void Run(Shop db, IDbCommand command)
        {
            var sql = "DELETE FROM Orders";
            db.Database.{|#0:ExecuteSqlRaw|}(sql);
            var table = "Users";
            command.{|#1:CommandText|} = $"UPDATE {table} SET Name = 'x'";
        }
        """,
        At(0, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"),
        At(1, "'IDbCommand.CommandText' runs UPDATE Users without WHERE"));

    [Fact]
    public Task A_reused_sql_local_is_judged_by_what_reaches_each_sink() => Expect("""
        void Run(IDbConnection connection, int id)
        {
            var sql = "DELETE FROM OrderLines WHERE OrderId = @id";
            connection.Execute(sql, new { id });
            sql = "DELETE FROM Orders";
            connection.{|#0:Execute|}(sql);
            sql = "UPDATE Orders SET Archived = 1 WHERE Id = @id";
            connection.Execute(sql, new { id });
        }
        """, At(0, "'Execute' runs DELETE Orders without WHERE"));

    [Fact]
    public Task Sql_constants_declared_in_another_member_or_file_are_read() => Verify.VerifyFilesAsync(
        new[]
        {
            Sources.Ef + """
            class C
            {
                private const string PurgeOrders = "DELETE FROM Orders";
                private static readonly string ResetNames = "UPDATE Users SET Name = 'x'";
                private const string DeleteOne = "DELETE FROM Orders WHERE Id = @id";

                void Run(IDbConnection connection, Shop db, int id)
                {
                    connection.{|#0:Execute|}(PurgeOrders);
                    db.Database.{|#1:ExecuteSqlRaw|}(ResetNames);
                    connection.{|#2:Execute|}(Queries.Truncate);
                    connection.Execute(DeleteOne, new { id });
                    connection.Execute(Queries.Bounded, new { id });
                }
            }
            """,
            """
            public static class Queries
            {
                public const string Truncate = "TRUNCATE TABLE " + "AuditLog";
                public const string Bounded = "UPDATE Users SET Name = 'x' WHERE Id = @id";
            }
            """,
        },
        At(0, "'Execute' runs DELETE Orders without WHERE"),
        At(1, "'ExecuteSqlRaw' runs UPDATE Users without WHERE"),
        At(2, "'Execute' runs TRUNCATE AuditLog"));

    [Fact]
    public Task A_where_appended_only_under_a_condition_leaves_the_unbounded_path() => Expect("""
        void Run(Shop db, IDbConnection connection, bool archivedOnly, int id)
        {
            var sql = "DELETE FROM Orders";
            if (archivedOnly) sql += " WHERE Archived = 1";
            db.Database.{|#0:ExecuteSqlRaw|}(sql);

            var bounded = "DELETE FROM Orders";
            bounded += " WHERE Id = @id";
            connection.Execute(bounded, new { id });

            var update = "UPDATE Users SET Name = 'x'";
            update += " WHERE 1 = 1";
            if (archivedOnly) update += " AND Archived = 1";
            connection.Execute(update);
        }
        """, At(0, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"));

    [Fact]
    public Task A_table_name_the_code_spells_is_a_table_not_a_clause() => Verify.VerifyAsync(Sources.Ef + """
        public class Repository<T>
        {
            private readonly IDbConnection db;
            private readonly string table;

            public Repository(IDbConnection db) { this.db = db; table = typeof(T).Name; }

            public int DeleteAll() => db.{|#0:Execute|}($"DELETE FROM {typeof(T).Name}");
            public int Purge() => db.{|#1:Execute|}($"DELETE FROM {table}");
            public int Delete(int id) => db.Execute($"DELETE FROM {typeof(T).Name} WHERE Id = @id", new { id });
            public int Spliced(string clause) => db.Execute($"DELETE FROM Orders {clause}");

            // The generic repository quoting the name itself, as SQL Server code does.
            public int Bracketed() => db.{|#2:Execute|}($"DELETE FROM [{typeof(T).Name}]");
            public int Schema() => db.{|#3:Execute|}($"DELETE FROM [dbo].[{typeof(T).Name}]");
            public int Plural() => db.{|#4:Execute|}($"TRUNCATE TABLE [{typeof(T).Name}s]");
            public int Quoted() => db.{|#5:Execute|}($"UPDATE \"{typeof(T).Name}\" SET Archived = 1");
            public int BracketedOne(int id) => db.Execute($"DELETE FROM [{typeof(T).Name}] WHERE Id = @id", new { id });
        }
        """,
        Verify.Diagnostic("HF2009").WithLocation(0).WithArguments("'Execute' runs DELETE […] without WHERE", ""),
        Verify.Diagnostic("HF2009").WithLocation(1).WithArguments("'Execute' runs DELETE […] without WHERE", ""),
        Verify.Diagnostic("HF2009").WithLocation(2).WithArguments("'Execute' runs DELETE […] without WHERE", ""),
        Verify.Diagnostic("HF2009").WithLocation(3).WithArguments("'Execute' runs DELETE [dbo].[…] without WHERE", ""),
        Verify.Diagnostic("HF2009").WithLocation(4).WithArguments("'Execute' runs TRUNCATE […s]", ""),
        Verify.Diagnostic("HF2009").WithLocation(5).WithArguments("'Execute' runs UPDATE \"…\" without WHERE", ""));

    [Fact]
    public Task A_data_sources_command_runs_its_text() => Expect("""
        async Task Run(DbDataSource source)
        {
            await using var purge = source.{|#0:CreateCommand|}("DELETE FROM sessions");
            await using var bounded = source.CreateCommand("DELETE FROM sessions WHERE expires_at < now()");
            await purge.ExecuteNonQueryAsync();
        }
        """,
        At(0, "'CreateCommand' runs DELETE sessions without WHERE"));

    [Fact]
    public Task A_table_name_spliced_in_from_a_value_is_shown_as_an_ellipsis() => Expect("""
        void Run(Shop db, string table)
        {
            db.Database.{|#0:ExecuteSqlRaw|}($"DELETE FROM [{table}]");
            db.Database.{|#1:ExecuteSqlRaw|}("TRUNCATE TABLE [" + table + "]");
            db.Database.{|#2:ExecuteSqlRaw|}($"TRUNCATE TABLE {table}");
        }
        """,
        At(0, "'ExecuteSqlRaw' runs DELETE […] without WHERE"),
        At(1, "'ExecuteSqlRaw' runs TRUNCATE […]"),
        At(2, "'ExecuteSqlRaw' runs TRUNCATE …"));

    // SQL reached through a local is bound only when the member's text mentions a write (SqlSyntax.TextMayMentionWrite):
    // a write spelled with escape sequences is in the string's value but not in the source text, so such a member must
    // still be read token by token. Each sink below is a finding only that way.
    [Fact]
    public Task Sql_spelled_with_escapes_in_a_local_is_still_followed() => Expect("""
        void Run(Shop db, IDbCommand command)
        {
            var sql = "\u0044ELETE FROM Orders";
            db.Database.{|#0:ExecuteSqlRaw|}(sql);
            var statement = "\x55PDATE Users SET Name = 'x'";
            command.{|#1:CommandText|} = statement;
        }
        """,
        At(0, "'ExecuteSqlRaw' runs DELETE Orders without WHERE"),
        At(1, "'IDbCommand.CommandText' runs UPDATE Users without WHERE"));

    [Fact]
    public Task Bounded_or_undecidable_sql_is_fine() => Expect("""
        void Run(Shop db, string clause, int id)
        {
            db.Database.ExecuteSqlRaw("DELETE FROM Orders WHERE Archived = 1");
            db.Database.ExecuteSqlRaw("update Users set Name = 'x' where Id = {0}", id);
            db.Database.ExecuteSqlRaw("DELETE o FROM Orders o JOIN Users u ON u.Id = o.UserId");
            db.Database.ExecuteSqlRaw("SELECT 'DELETE FROM Orders' AS Text");
            db.Database.ExecuteSqlRaw("/* DELETE FROM Orders */ SELECT 1");
            db.Database.ExecuteSqlRaw("DELETE FROM Orders " + clause);
            db.Database.ExecuteSqlRaw($"DELETE FROM Orders {clause}");
            db.Database.ExecuteSqlRaw($"UPDATE Users SET Name = 'x' WHERE Id = {id}");
        }
        """);

    [Fact]
    public Task Emptying_a_temporary_table_of_a_bulk_upsert_loses_no_data() => Expect("""
        void Upsert(IDbConnection connection)
        {
            connection.Execute("CREATE TABLE #staging (Id int); INSERT INTO #staging SELECT Id FROM Incoming;");
            connection.Execute("MERGE INTO Orders AS t USING #staging AS s ON t.Id = s.Id WHEN MATCHED THEN UPDATE SET t.Archived = 1;");
            connection.Execute("TRUNCATE TABLE #staging");
            connection.Execute("DECLARE @ids TABLE (Id int); DELETE FROM @ids;");
            connection.Execute("CREATE TEMP TABLE work_ids (id int); DELETE FROM work_ids;");
            connection.{|#0:Execute|}("CREATE TEMP TABLE work_ids (id int); DELETE FROM Orders;");
        }
        """, At(0, "'Execute' runs DELETE Orders without WHERE"));
}
