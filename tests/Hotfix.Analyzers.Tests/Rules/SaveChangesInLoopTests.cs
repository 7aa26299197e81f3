using Hotfix.Analyzers.Tests.Infrastructure;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SaveChangesInLoopAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class SaveChangesInLoopTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    [Fact]
    public Task SaveChanges_in_every_kind_of_loop() => Expect("""
        async Task Run(Shop db, List<User> users, IAsyncEnumerable<User> stream)
        {
            foreach (var user in users) { db.Users.Add(user); db.{|#0:SaveChanges|}(); }
            for (var i = 0; i < users.Count; i++) await db.{|#1:SaveChangesAsync|}();
            var n = 0;
            while (n++ < 3) db.{|#2:SaveChanges|}();
            do { await db.{|#3:SaveChangesAsync|}(CancellationToken.None); } while (n-- > 0);
            await foreach (var user in stream) { db.Users.Update(user); await db.{|#4:SaveChangesAsync|}(); }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChanges", ""),
        Verify.Diagnostic("HF4002").WithLocation(1),
        Verify.Diagnostic("HF4002").WithLocation(2),
        Verify.Diagnostic("HF4002").WithLocation(3),
        Verify.Diagnostic("HF4002").WithLocation(4));

    [Fact]
    public Task Saving_once_per_batch_or_per_page_is_the_fix_not_the_problem() => Expect("""
        async Task Run(Shop db, List<User> users)
        {
            foreach (var batch in users.Chunk(500))
            {
                db.Users.AddRange(batch);
                await db.SaveChangesAsync();
            }

            var last = 0;
            while (true)
            {
                var page = await db.Orders.Where(o => o.Id > last).OrderBy(o => o.Id).Take(500).ToListAsync();
                if (page.Count == 0) break;
                foreach (var order in page) order.Archived = true;
                await db.SaveChangesAsync();
                last = page[^1].Id;
            }

            foreach (var user in users)
            {
                db.Users.Add(user);
                await db.{|#0:SaveChangesAsync|}();
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task A_save_per_page_of_a_for_over_page_numbers_is_per_page() => Expect("""
        async Task Run(Shop db, int pages, int size, List<int> ids)
        {
            for (var page = 0; page < pages; page++)
            {
                var batch = await db.Orders.OrderBy(o => o.Id).Skip(page * size).Take(size).ToListAsync();
                foreach (var order in batch) order.Archived = true;
                await db.SaveChangesAsync();
            }

            for (var i = 0; i < ids.Count; i++)
            {
                var latest = await db.Orders.Where(o => o.UserId == ids[i]).OrderByDescending(o => o.Id).Take(size).ToListAsync();
                foreach (var order in latest) order.Archived = true;
                await db.{|#0:SaveChangesAsync|}();
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task A_save_every_N_items_is_a_bulk_imports_batching() => Expect("""
        const int BatchSize = 200;
        readonly List<User> pending = new();

        async Task Import(Shop db, List<User> users)
        {
            var count = 0;
            foreach (var user in users)
            {
                db.Users.Add(user);
                if (++count % 1000 == 0) await db.SaveChangesAsync();
            }

            var buffer = new List<User>();
            foreach (var user in users)
            {
                buffer.Add(user);
                if (buffer.Count >= BatchSize) { db.Users.AddRange(buffer); await db.SaveChangesAsync(); buffer.Clear(); }
            }

            foreach (var user in users)
            {
                pending.Add(user);
                if (pending.Count == BatchSize) { db.Users.AddRange(pending); db.SaveChanges(); pending.Clear(); }
            }

            for (var i = 0; i < users.Count; i++)
            {
                db.Users.Add(users[i]);
                if (i % BatchSize == 0) await db.SaveChangesAsync();
            }

            await db.SaveChangesAsync();
        }
        """);

    [Fact]
    public Task The_change_tracker_as_the_buffer_is_a_batch_only_when_the_block_clears_it() => Expect("""
        async Task Import(Shop db, List<User> users, CancellationToken ct)
        {
            foreach (var user in users)
            {
                db.Users.Add(user);
                if (db.ChangeTracker.Entries().Count() >= 1000) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
            }

            foreach (var user in users)
            {
                db.Users.Add(user);
                if (db.ChangeTracker.Entries<User>().Count() > 500) { await db.{|#0:SaveChangesAsync|}(ct); }
            }

            await db.SaveChangesAsync(ct);
        }
        """, Verify.Diagnostic("HF4002").WithLocation(0));

    [Fact]
    public Task A_test_of_the_item_or_a_threshold_never_reset_still_saves_per_item() => Expect("""
        async Task Run(Shop db, List<User> users, List<int> ids, List<List<User>> groups)
        {
            foreach (var user in users)
            {
                if (user.Id >= 100) await db.{|#0:SaveChangesAsync|}();
            }

            foreach (var id in ids)
            {
                if (id % 2 == 0) await db.{|#1:SaveChangesAsync|}();
            }

            var count = 0;
            foreach (var user in users)
            {
                count++;
                if (count >= 10) await db.{|#2:SaveChangesAsync|}();
            }

            foreach (var group in groups)
            {
                if (group.Count >= 10) await db.{|#3:SaveChangesAsync|}();
            }

            foreach (var user in users)
            {
                var seen = 0;
                if (++seen % 100 == 0) await db.{|#4:SaveChangesAsync|}();
                if (users.Count > 0) await db.{|#5:SaveChangesAsync|}();
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(1).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(2).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(3).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(4).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(5).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task A_context_per_iteration_and_a_message_pump_save_one_unit_of_work_each() => Expect("""
        async Task PerTenant(IDbContextFactory<Shop> factory, string[] tenants, List<User> users, DbContextOptions<Shop> options)
        {
            foreach (var tenant in tenants)
            {
                await using var db = await factory.CreateDbContextAsync();
                db.Users.Add(new User { Name = tenant });
                await db.SaveChangesAsync();
            }

            foreach (var user in users)
            {
                using var own = new Shop();
                own.Users.Add(user);
                own.SaveChanges();
            }
        }

        async Task Pump(System.Threading.Channels.ChannelReader<User> reader, System.Collections.Concurrent.BlockingCollection<User> queue, Shop db, CancellationToken ct)
        {
            await foreach (var user in reader.ReadAllAsync(ct))
            {
                db.Users.Add(user);
                await db.SaveChangesAsync(ct);
            }

            while (await reader.WaitToReadAsync(ct))
            {
                while (reader.TryRead(out var user))
                {
                    db.Users.Add(user);
                    await db.SaveChangesAsync(ct);
                }
            }

            foreach (var user in queue.GetConsumingEnumerable(ct))
            {
                db.Users.Add(user);
                db.SaveChanges();
            }
        }
        """);

    [Fact]
    public Task A_context_made_outside_the_loop_or_an_inner_loop_over_items_still_saves_per_item() => Expect("""
        async Task Run(IDbContextFactory<Shop> factory, string[] tenants, List<User> users, System.Threading.Channels.ChannelReader<List<User>> reader)
        {
            await using var shared = await factory.CreateDbContextAsync();
            foreach (var user in users)
            {
                shared.Users.Add(user);
                await shared.{|#0:SaveChangesAsync|}();
            }

            foreach (var tenant in tenants)
            {
                await using var db = await factory.CreateDbContextAsync();
                foreach (var user in users)
                {
                    db.Users.Add(user);
                    await db.{|#1:SaveChangesAsync|}();
                }
            }

            await foreach (var batch in reader.ReadAllAsync())
            {
                foreach (var user in batch)
                {
                    shared.Users.Add(user);
                    shared.{|#2:SaveChanges|}();
                }
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(1).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(2).WithArguments("SaveChanges", ""));

    [Fact]
    public Task Saving_once_after_the_loop_is_fine() => Expect("""
        async Task Run(Shop db, List<User> users)
        {
            foreach (var user in users) db.Users.Add(user);
            await db.SaveChangesAsync();
            foreach (var user in users) users.ForEach(u => db.SaveChanges());
        }
        """);

    [Fact]
    public Task The_concurrency_retry_loop_is_not_a_batch() => Expect("""
        void Run(Shop db)
        {
            var saved = false;
            while (!saved)
            {
                try { db.SaveChanges(); saved = true; }
                catch (DbUpdateConcurrencyException ex) { foreach (var entry in ex.Entries) entry.Reload(); }
            }
        }
        """);

    [Fact]
    public Task A_save_per_item_that_skips_failures_or_retries_is_still_a_save_per_item() => Expect("""
        void Run(Shop db, List<User> users)
        {
            foreach (var user in users)
            {
                try
                {
                    db.Users.Add(user);
                    db.{|#0:SaveChanges|}();
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            foreach (var user in users)
            {
                var saved = false;
                while (!saved)
                {
                    try { db.Users.Update(user); db.{|#1:SaveChanges|}(); saved = true; }
                    catch (DbUpdateConcurrencyException ex) { foreach (var entry in ex.Entries) entry.Reload(); }
                }
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChanges", ""),
        Verify.Diagnostic("HF4002").WithLocation(1).WithArguments("SaveChanges", ""));

    [Fact]
    public Task A_for_or_while_over_items_that_catches_a_failed_save_is_no_retry_but_one_that_leaves_on_success_is() => Expect("""
        async Task Run(Shop db, IReadOnlyList<User> rows, System.Collections.Concurrent.ConcurrentQueue<User> queue)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                try { db.Users.Add(rows[i]); await db.{|#0:SaveChangesAsync|}(); }
                catch (DbUpdateException) { db.ChangeTracker.Clear(); }
            }

            while (queue.TryDequeue(out var row))
            {
                try { db.Users.Add(row); await db.{|#1:SaveChangesAsync|}(); }
                catch (DbUpdateConcurrencyException ex) { foreach (var entry in ex.Entries) entry.Reload(); }
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                try { await db.SaveChangesAsync(); break; }
                catch (DbUpdateConcurrencyException ex) { foreach (var entry in ex.Entries) await entry.ReloadAsync(); }
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(1).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task Saving_through_the_interface_a_context_implements_is_saving() => Verify.VerifyAsync(Sources.Ef + """
        public interface IAppDb { DbSet<User> Users { get; } Task<int> SaveChangesAsync(CancellationToken ct = default); }
        public interface IUnitOfWork { Task<int> SaveChangesAsync(CancellationToken ct = default); }
        public interface IReadModel : IAppDb { }

        class C
        {
            async Task Run(IAppDb db, IReadModel model, IUnitOfWork work, List<User> users)
            {
                foreach (var user in users) { db.Users.Add(user); await db.{|#0:SaveChangesAsync|}(); }
                foreach (var user in users) await model.{|#1:SaveChangesAsync|}();
                foreach (var user in users) await work.SaveChangesAsync();
            }
        }
        """,
        Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""),
        Verify.Diagnostic("HF4002").WithLocation(1).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task A_save_retried_after_a_transient_failure_saves_once_per_attempt() => Expect("""
        async Task Run(Shop db, List<User> users)
        {
            var retries = 0;
            while (retries < 3)
            {
                try
                {
                    await db.SaveChangesAsync();
                    break;
                }
                catch (TimeoutException)
                {
                    retries++;
                }
            }

            for (var i = 0; i < users.Count; i++)
            {
                try { db.Users.Add(users[i]); await db.{|#0:SaveChangesAsync|}(); }
                catch (TimeoutException) { }
            }
        }
        """, Verify.Diagnostic("HF4002").WithLocation(0).WithArguments("SaveChangesAsync", ""));

    [Fact]
    public Task A_seeder_that_saves_per_item_runs_once_at_start_up() => Expect("""
        public class DatabaseSeeder
        {
            public async Task RunAsync(Shop db, List<User> users)
            {
                foreach (var user in users) { db.Users.Add(user); await db.SaveChangesAsync(); }
            }
        }
        """);
}
