using Hotfix.Analyzers.Tests.Infrastructure;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.QueryInLoopAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class QueryInLoopTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string api) =>
        Verify.Diagnostic("HF4001").WithLocation(location).WithArguments(api, "");

    [Fact]
    public Task Loops_over_batches_pages_and_timer_ticks_run_per_batch_page_or_tick_not_per_item() => Expect("""
        async Task Batches(Shop db, List<int> ids, CancellationToken ct)
        {
            foreach (var chunk in ids.Chunk(500))
            {
                var users = await db.Users.Where(u => chunk.Contains(u.Id)).ToListAsync(ct);
                foreach (var order in db.Orders.Where(o => chunk.Contains(o.UserId))) { }
            }

            foreach (var id in ids)
            {
                foreach (var chunk in ids.Chunk(10)) await db.Orders.Where(o => chunk.Contains(o.Id) && o.UserId == id).{|#0:ToListAsync|}(ct);
            }
        }
        async Task Pages(Shop db, CancellationToken ct)
        {
            var last = 0;
            while (true)
            {
                var page = await db.Orders.Where(o => o.Id > last).OrderBy(o => o.Id).Take(1000).ToListAsync(ct);
                if (page.Count == 0) break;
                last = page[^1].Id;
            }

            var skip = 0;
            do
            {
                var page = db.Users.OrderBy(u => u.Id).Skip(skip).Take(100).ToList();
                if (page.Count == 0) break;
                skip += page.Count;
            }
            while (true);
        }
        async Task Poll(Shop db, CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                var pending = await db.Orders.CountAsync(o => !o.Archived, ct);
                await Task.Delay(1000, ct);
            }

            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
            while (await timer.WaitForNextTickAsync(ct)) await db.Users.AnyAsync(ct);
        }
        async Task StillPerItem(Shop db, List<int> ids, CancellationToken ct)
        {
            foreach (var id in ids)
            {
                var latest = await db.Orders.Where(o => o.UserId == id).OrderBy(o => o.Id).Take(1).{|#1:ToListAsync|}(ct);
                await Task.Delay(10, ct);
            }

            var n = 0;
            while (n < ids.Count) await db.Users.{|#2:FindAsync|}(ids[n++]);
        }
        """, At(0, "ToListAsync"), At(1, "ToListAsync"), At(2, "FindAsync"));

    [Fact]
    public Task A_for_over_page_numbers_pages_but_an_ordering_or_a_fixed_Skip_in_a_walk_over_items_takes_no_page() => Expect("""
        async Task Pages(Shop db, int pageSize, CancellationToken ct)
        {
            var pages = (await db.Orders.CountAsync(ct) + pageSize - 1) / pageSize;
            for (var page = 0; page < pages; page++)
            {
                var batch = await db.Orders.OrderBy(o => o.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
            }

            for (int offset = 0, n = 1; n > 0; offset += pageSize)
            {
                n = (await db.Orders.OrderBy(o => o.Id).Skip(offset).Take(pageSize).ToListAsync(ct)).Count;
            }
        }
        async Task PerItem(Shop db, List<int> ids, CancellationToken ct)
        {
            var i = 0;
            while (i < ids.Count)
            {
                var id = ids[i];
                var recent = await db.Orders.Where(o => o.UserId == id).OrderByDescending(o => o.Id).Take(3).{|#0:ToListAsync|}(ct);
                i++;
            }

            for (var k = 0; k < ids.Count; k++)
            {
                var second = await db.Orders.Where(o => o.UserId == ids[k]).OrderBy(o => o.Id).Skip(1).Take(1).{|#1:ToListAsync|}(ct);
            }
        }
        """, At(0, "ToListAsync"), At(1, "ToListAsync"));

    [Fact]
    public Task Ef_materialisers_aggregates_and_Find_in_loops() => Expect("""
        async Task Run(Shop db, List<int> ids, IAsyncEnumerable<int> stream)
        {
            foreach (var id in ids)
            {
                var user = db.Users.{|#0:Find|}(id);
                var orders = db.Orders.Where(o => o.UserId == id).{|#1:ToList|}();
                var count = await db.Orders.{|#2:CountAsync|}(o => o.UserId == id);
                var any = db.Orders.{|#3:Any|}(o => o.UserId == id);
            }

            for (var i = 0; i < ids.Count; i++) await db.Users.{|#4:FindAsync|}(ids[i]);
            await foreach (var id in stream) await db.Users.Where(u => u.Id == id).{|#5:FirstOrDefaultAsync|}();
            var n = 0;
            while (db.Orders.{|#6:Count|}() > n) n++;
        }
        """,
        At(0, "Find"), At(1, "ToList"), At(2, "CountAsync"), At(3, "Any"), At(4, "FindAsync"), At(5, "FirstOrDefaultAsync"), At(6, "Count"));

    [Fact]
    public Task Explicit_loading_in_a_loop() => Expect("""
        void Run(Shop db, List<User> users)
        {
            foreach (var user in users) db.Entry(user).Collection(u => u.Orders).{|#0:Load|}();
        }
        """, At(0, "Load"));

    [Fact]
    public Task A_query_kept_in_a_local_is_followed() => Expect("""
        void Run(Shop db, List<int> ids)
        {
            var active = db.Users.Where(u => u.TenantId > 0);
            foreach (var id in ids) active.Where(u => u.Id == id).{|#0:ToList|}();
        }
        """, At(0, "ToList"));

    [Fact]
    public Task An_inner_foreach_over_a_query() => Expect("""
        void Run(Shop db, List<User> users)
        {
            foreach (var user in users)
                foreach (var order in {|#0:db.Orders.Where(o => o.UserId == user.Id)|}) { }
        }
        """, At(0, "foreach"));

    [Fact]
    public Task Dapper_and_ado_net_commands_in_loops() => Expect("""
        async Task Run(IDbConnection connection, SqliteCommand command, List<int> ids)
        {
            foreach (var id in ids)
            {
                connection.{|#0:QuerySingle<User>|}("SELECT * FROM Users WHERE Id = @id", new { id });
                await connection.{|#1:ExecuteAsync|}("UPDATE Users SET Name = 'x' WHERE Id = @id", new { id });
                command.{|#2:ExecuteNonQuery|}();
                await command.{|#3:ExecuteScalarAsync|}();
            }
        }
        """, At(0, "QuerySingle"), At(1, "ExecuteAsync"), At(2, "ExecuteNonQuery"), At(3, "ExecuteScalarAsync"));

    [Fact]
    public Task Queries_outside_the_loop_body_and_in_memory_linq_are_fine() => Expect("""
        async Task Run(Shop db, List<User> users, IQueryable<User> given)
        {
            foreach (var user in db.Users.Where(u => u.TenantId == 1).ToList()) { }
            foreach (var order in db.Orders) { }
            await foreach (var user in db.Users.AsAsyncEnumerable()) { }
            var byId = await db.Users.ToDictionaryAsync(u => u.Id);
            foreach (var user in users)
            {
                var name = users.Where(u => u.Id == user.Id).Select(u => u.Name).FirstOrDefault();
                var first = users.AsQueryable().First();
                var fromGiven = given.Count();
                var later = users.Select(u => db.Users.Count());
                db.Users.Add(user);
                db.Users.AddRange(users);
                db.Orders.Remove(new Order());
            }
        }
        """);

    [Fact]
    public Task A_context_per_iteration_a_message_pump_and_a_list_of_constants_are_not_N_plus_1() => Expect("""
        async Task Run(IDbContextFactory<Shop> factory, string[] tenants, System.Threading.Channels.ChannelReader<int> reader, Shop db, CancellationToken ct)
        {
            foreach (var tenant in tenants)
            {
                await using var own = await factory.CreateDbContextAsync();
                var count = await own.Users.CountAsync();
            }

            await foreach (var id in reader.ReadAllAsync(ct))
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            }

            foreach (var name in new[] { "admin", "ops" })
            {
                if (!db.Users.Any(u => u.Name == name)) db.Users.Add(new User { Name = name });
            }

            foreach (var sort in Enum.GetValues<Sort>())
            {
                var first = db.Users.OrderBy(u => u.Id).FirstOrDefault();
            }

            foreach (var entityType in db.Model.GetEntityTypes())
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"" + entityType.GetTableName() + "\" WHERE 1 = 0");
            }
        }
        """);

    [Fact]
    public Task The_concurrency_retry_loop_rereads_and_reloads_the_conflicting_entries() => Expect("""
        async Task<User> Rename(Shop db, int id, string name)
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    var user = await db.Users.FirstAsync(u => u.Id == id);
                    user.Name = name;
                    await db.SaveChangesAsync();
                    return user;
                }
                catch (DbUpdateConcurrencyException conflict)
                {
                    foreach (var entry in conflict.Entries)
                    {
                        var current = await entry.GetDatabaseValuesAsync();
                        await entry.ReloadAsync();
                    }
                }
            }

            throw new InvalidOperationException();
        }
        """);

    [Fact]
    public Task A_retry_of_a_transient_failure_runs_once_per_attempt_but_a_per_item_loop_that_skips_failures_still_counts() => Expect("""
        async Task<List<User>> Retry(Shop db, List<int> ids)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    return await db.Users.ToListAsync();
                }
                catch (TimeoutException) when (attempt < 2)
                {
                    await Task.Delay(100);
                }
            }

            var tries = 0;
            do
            {
                try { var count = await db.Orders.CountAsync(); break; }
                catch (SqliteException) { tries++; }
            }
            while (tries < 5);

            var done = false;
            while (!done)
            {
                try { var first = await db.Users.FirstAsync(); done = true; }
                catch (TimeoutException) { }
            }

            for (var i = 0; i < ids.Count; i++)
            {
                try { var user = await db.Users.{|#0:FindAsync|}(ids[i]); }
                catch (SqliteException) { }
            }

            for (var i = 0; i < ids.Count; i++)
            {
                try { var user = await db.Users.{|#1:FindAsync|}(ids[i]); if (user == null) return new List<User>(); }
                catch (SqliteException) { }
            }

            return new List<User>();
        }
        """, At(0, "FindAsync"), At(1, "FindAsync"));

    [Fact]
    public Task A_query_per_item_that_skips_failures_or_retries_inside_a_per_item_loop_still_counts() => Expect("""
        async Task Run(Shop db, List<int> ids)
        {
            foreach (var id in ids)
            {
                try { var user = await db.Users.{|#0:FirstAsync|}(u => u.Id == id); }
                catch (DbUpdateException) { }
            }

            foreach (var id in ids)
            {
                while (true)
                {
                    try { var user = await db.Users.{|#1:FirstAsync|}(u => u.Id == id); await db.SaveChangesAsync(); break; }
                    catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); }
                }
            }
        }
        """, At(0, "FirstAsync"), At(1, "FirstAsync"));

    [Fact]
    public Task A_for_over_items_that_catches_DbUpdateException_is_no_retry() => Expect("""
        async Task Run(Shop db, List<int> ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                try { var user = await db.Users.{|#0:FirstAsync|}(u => u.Id == ids[i]); user.Name = ""; await db.SaveChangesAsync(); }
                catch (DbUpdateException) { db.ChangeTracker.Clear(); }
            }
        }
        """, At(0, "FirstAsync"));

    [Fact]
    public Task A_query_switched_to_LINQ_to_Objects_in_a_loop_is_still_a_query_per_item() => Expect("""
        void Run(Shop db, List<int> ids, List<Order> cached)
        {
            foreach (var id in ids)
            {
                var totals = db.Orders.Where(o => o.UserId == id).AsEnumerable().Select(o => o.Total).{|#0:ToList|}();
                var local = cached.AsEnumerable().Where(o => o.UserId == id).ToList();
            }
        }
        """, At(0, "ToList"));

    [Fact]
    public Task A_query_kept_in_a_local_declared_in_the_loop_still_counts() => Expect("""
        void Run(Shop db, int[] ids)
        {
            foreach (var id in ids)
            {
                var query = db.Users.Where(u => u.Id == id);
                var user = query.{|#0:First|}();
            }
        }
        """, At(0, "First"));

    [Fact]
    public Task Raw_sql_queries_of_the_database_facade_are_queries() => Expect("""
        async Task Run(Shop db, List<int> ids)
        {
            foreach (var id in ids)
            {
                var totals = db.Database.SqlQuery<decimal>($"SELECT Total FROM Orders WHERE UserId = {id}").{|#0:ToList|}();
                var count = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Orders").{|#1:SingleAsync|}();
            }
        }
        """, At(0, "ToList"), At(1, "SingleAsync"));

    [Fact]
    public Task Draining_a_table_in_bounded_batches_until_none_is_left_is_the_fix_not_N_plus_1() => Expect("""
        async Task Drain(Shop db, IDbConnection connection, DateTime cutoff, CancellationToken ct)
        {
            int deleted;
            do
            {
                deleted = await db.Orders.Where(o => o.Archived).Take(5000).ExecuteDeleteAsync(ct);
            }
            while (deleted > 0);

            while (true)
            {
                var batch = await db.Orders.Where(o => o.Archived).Take(1000).ToListAsync(ct).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return;
                }

                db.Orders.RemoveRange(batch);
                await db.SaveChangesAsync(ct);
            }
        }
        void Raw(Shop db, IDbConnection connection)
        {
            int rows;
            do rows = connection.Execute("DELETE FROM Orders WHERE Id IN (SELECT Id FROM Orders WHERE Archived LIMIT 1000)");
            while (rows == 1000);

            for (;;)
            {
                var n = db.Database.ExecuteSqlRaw("DELETE TOP (500) FROM Orders WHERE Archived = 1");
                if (n < 500) break;
            }
        }
        """);

    [Fact]
    public Task A_loop_that_follows_rows_one_at_a_time_or_ends_on_something_else_still_counts() => Expect("""
        async Task Walk(Shop db, List<int> ids, int start)
        {
            var user = await db.Users.FindAsync(start);
            while (user != null)
            {
                user = await db.Users.{|#0:FindAsync|}(user.Id - 1);
            }

            var i = 0;
            while (i < ids.Count)
            {
                var few = await db.Orders.Where(o => o.UserId == ids[i]).Take(10).{|#1:ToListAsync|}();
                i++;
            }

            var done = 0;
            while (done < ids.Count)
            {
                var rows = await db.Orders.Where(o => o.UserId == ids[done]).{|#2:ExecuteDeleteAsync|}();
                foreach (var id in ids) { if (rows == 0) break; }
                done++;
            }
        }
        """, At(0, "FindAsync"), At(1, "ToListAsync"), At(2, "ExecuteDeleteAsync"));

    [Fact]
    public Task A_foreach_over_values_written_out_in_the_code_is_not_N_plus_1_but_one_over_a_list_they_hold_is() => Expect("""
        class Order { public int BuyerId; public int SellerId; public List<int> WatcherIds = new(); }
        async Task Notify(Shop db, Order order)
        {
            foreach (var id in new[] { order.BuyerId, order.SellerId })
            {
                var user = await db.Users.FindAsync(id);
            }

            foreach (var id in new List<int> { order.BuyerId, order.SellerId })
            {
                var user = await db.Users.FirstAsync(u => u.Id == id);
            }

            foreach (var ids in new[] { order.WatcherIds })
            {
                foreach (var id in ids)
                {
                    var watcher = await db.Users.{|#0:FindAsync|}(id);
                }
            }
        }
        """, At(0, "FindAsync"));

    [Fact]
    public Task A_foreach_over_a_read_only_field_of_literals_is_not_N_plus_1_but_a_list_that_can_grow_is() => Expect("""
        static readonly string[] Roles = { "admin", "ops" };
        static readonly string[] More = ["support"];
        static readonly IReadOnlyList<string> Fixed = new List<string> { "billing" };
        static readonly List<string> Growable = new() { "admin" };
        static readonly string[] Configured = Environment.GetCommandLineArgs();
        async Task EnsureRoles(Shop db)
        {
            foreach (var name in Roles) if (!await db.Users.AnyAsync(u => u.Name == name)) db.Users.Add(new User { Name = name });
            foreach (var name in More) if (!await db.Users.AnyAsync(u => u.Name == name)) db.Users.Add(new User { Name = name });
            foreach (var name in Fixed) if (!await db.Users.AnyAsync(u => u.Name == name)) db.Users.Add(new User { Name = name });
            foreach (var name in Growable) if (!await db.Users.{|#0:AnyAsync|}(u => u.Name == name)) db.Users.Add(new User { Name = name });
            foreach (var name in Configured) if (!await db.Users.{|#1:AnyAsync|}(u => u.Name == name)) db.Users.Add(new User { Name = name });
        }
        """, At(0, "AnyAsync"), At(1, "AnyAsync"));

    [Fact]
    public Task Seeding_at_start_up_runs_once_but_the_same_loop_in_a_request_handler_counts() => Expect("""
        public static class CatalogContextSeed
        {
            public static async Task SeedAsync(Shop db, List<string> names)
            {
                foreach (var name in names) if (!await db.Users.AnyAsync(u => u.Name == name)) db.Users.Add(new User { Name = name });
                await db.SaveChangesAsync();
            }
        }
        public class UsersController
        {
            public async Task Import(Shop db, List<string> names)
            {
                foreach (var name in names) if (!await db.Users.{|#0:AnyAsync|}(u => u.Name == name)) db.Users.Add(new User { Name = name });
                await db.SaveChangesAsync();
            }
        }
        """, At(0, "AnyAsync"));
}
