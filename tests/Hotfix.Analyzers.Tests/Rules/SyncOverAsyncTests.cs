using Hotfix.Analyzers.Tests.Infrastructure;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SyncOverAsyncAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class SyncOverAsyncTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string what, string function, string advice) =>
        Verify.Diagnostic("HF4003").WithLocation(location).WithArguments(what, function, advice, "");

    [Fact]
    public Task Blocking_on_tasks_inside_async_methods() => Expect("""
        async Task<int> Handle(Task<int> work, Task other, ValueTask<int> value)
        {
            var a = work.{|#0:Result|};
            other.{|#1:Wait|}();
            var b = work.GetAwaiter().{|#2:GetResult|}();
            var c = work.ConfigureAwait(false).GetAwaiter().{|#3:GetResult|}();
            Task.{|#4:WaitAll|}(work, other);
            var d = value.{|#5:Result|};
            await Task.Yield();
            return a + b + c + d;
        }
        """,
        At(0, ".Result", "Handle", "await the task instead"),
        At(1, ".Wait()", "Handle", "await the task instead"),
        At(2, "GetAwaiter().GetResult()", "Handle", "await the task instead"),
        At(3, "GetAwaiter().GetResult()", "Handle", "await the task instead"),
        At(4, "Task.WaitAll", "Handle", "await Task.WhenAll instead"),
        At(5, ".Result", "Handle", "await the task instead"));

    [Fact]
    public Task Synchronous_ef_calls_inside_async_methods() => Expect("""
        async Task Handle(Shop db, int id)
        {
            var users = db.Users.Where(u => u.Id > id).{|#0:ToList|}();
            var first = db.Users.{|#1:First|}();
            var count = db.Orders.{|#2:Count|}();
            var user = db.Users.{|#3:Find|}(id);
            db.{|#4:SaveChanges|}();
            db.Orders.Where(o => o.Archived).{|#5:ExecuteDelete|}();
            foreach (var order in {|#6:db.Orders|}) { }
            await Task.CompletedTask;
        }
        """,
        At(0, "ToList", "Handle", "await ToListAsync instead"),
        At(1, "First", "Handle", "await FirstAsync instead"),
        At(2, "Count", "Handle", "await CountAsync instead"),
        At(3, "Find", "Handle", "await FindAsync instead"),
        At(4, "SaveChanges", "Handle", "await SaveChangesAsync instead"),
        At(5, "ExecuteDelete", "Handle", "await ExecuteDeleteAsync instead"),
        At(6, "foreach over an EF Core query", "Handle", "use await foreach or await ToListAsync()"));

    [Fact]
    public Task Committing_an_ef_transaction_synchronously_blocks_but_adonets_own_is_left_alone() => Expect("""
        async Task Transfer(Shop db, DbConnection connection)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            tx.{|#0:CreateSavepoint|}("moved");
            tx.{|#1:Commit|}();
            await using var second = await db.Database.BeginTransactionAsync();
            await second.CommitAsync();
            using var ado = connection.BeginTransaction();
            ado.Commit();
        }

        void Synchronous(Shop db)
        {
            using var tx = db.Database.BeginTransaction();
            db.SaveChanges();
            tx.Commit();
        }

        async Task Failed(Shop db)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException) { tx.{|#2:Rollback|}(); throw; }
        }
        """,
        At(0, "CreateSavepoint", "Transfer", "await CreateSavepointAsync instead"),
        At(1, "Commit", "Transfer", "await CommitAsync instead"),
        At(2, "Rollback", "Failed", "await RollbackAsync instead"));

    [Fact]
    public Task Async_lambdas_and_local_functions_count() => Expect("""
        void Register(Shop db, List<Func<Task>> handlers)
        {
            handlers.Add(async () => { db.{|#0:SaveChanges|}(); await Task.Yield(); });
            async Task Local() { var n = db.Users.{|#1:Count|}(); await Task.Yield(); }
        }
        """,
        At(0, "SaveChanges", "lambda", "await SaveChangesAsync instead"),
        At(1, "Count", "Local", "await CountAsync instead"));

    [Fact]
    public Task The_known_false_positives_are_not_reported() => Expect("""
        async Task Handle(Shop db, IDbContextFactory<Shop> factory, User user, List<User> users)
        {
            using var context = factory.CreateDbContext();
            db.Add(user);
            db.AddRange(users);
            db.Users.Add(user);
            db.Users.AddRange(users);
            db.Users.Attach(user);
            db.Users.Remove(user);
            db.Update(user);
            var inMemory = users.Where(u => u.Id > 0).ToList();
            var firstInMemory = users.AsQueryable().First();
            await db.SaveChangesAsync();
        }
        """);

    [Fact]
    public Task Results_of_completed_tasks_and_sync_methods_are_fine() => Expect("""
        async Task<int> Handle(Task<int> a, Task<int> b)
        {
            await Task.WhenAll(a, b);
            var sum = a.Result + b.Result;
            var c = Task.FromResult(1);
            await c;
            sum += c.Result;
            return sum;
        }
        async Task<int> Checked(Task<int> a)
        {
            if (a.IsCompletedSuccessfully) return a.Result;
            return await a;
        }
        int Sync(Shop db, Task<int> work) => work.Result + db.Users.Count();
        Task<int> NotAsync(Task<int> work) => Task.FromResult(work.Result);
        """);

    [Fact]
    public Task Tasks_of_a_collection_awaited_with_WhenAll_are_complete() => Expect("""
        async Task<int> Run(List<int> ids, Func<int, Task<int>> load, Task<int>[] given)
        {
            var tasks = ids.Select(load).ToList();
            await Task.WhenAll(tasks);
            var sum = 0;
            foreach (var task in tasks) sum += task.Result;
            for (var i = 0; i < tasks.Count; i++) sum += tasks[i].Result;
            await Task.WhenAll(given).ConfigureAwait(false);
            sum += given[0].Result;
            var others = ids.Select(load).ToList();
            await others[0];
            foreach (var other in others) sum += other.{|#0:Result|};
            return sum;
        }
        """, At(0, ".Result", "Run", "await the task instead"));

    [Fact]
    public Task A_stored_WhenAll_and_a_list_handed_to_WhenAll_complete_their_tasks() => Expect("""
        async Task<int> Stored(Task<int> a, Task<int> b, Task<int> c)
        {
            var both = Task.WhenAll(a, b);
            await both;
            return a.Result + b.Result + c.{|#0:Result|};
        }
        async Task<int> Listed(Task<int> a, Task<int> b, Task<int> c, Task<int> d)
        {
            var tasks = new List<Task<int>> { a };
            tasks.Add(b);
            var pair = new[] { c };
            await Task.WhenAll(tasks);
            await Task.WhenAll(pair).ConfigureAwait(false);
            return a.Result + b.Result + c.Result + d.{|#1:Result|};
        }
        async Task<int> Reassigned(Task<int> a, Task<int> b)
        {
            var all = Task.WhenAll(a);
            all = Task.WhenAll(b);
            await all;
            return a.{|#2:Result|};
        }
        """,
        At(0, ".Result", "Stored", "await the task instead"),
        At(1, ".Result", "Listed", "await the task instead"),
        At(2, ".Result", "Reassigned", "await the task instead"));

    [Fact]
    public Task SaveChanges_through_the_interface_a_context_implements_blocks() => Verify.VerifyAsync(Sources.Ef + """
        public interface IAppDb { DbSet<User> Users { get; } int SaveChanges(); Task<int> SaveChangesAsync(CancellationToken ct = default); }

        class C
        {
            async Task Run(IAppDb db)
            {
                db.{|#0:SaveChanges|}();
                await db.SaveChangesAsync();
            }
        }
        """, At(0, "SaveChanges", "Run", "await SaveChangesAsync instead"));

    [Fact]
    public Task Only_the_branch_where_the_task_has_completed_reads_it_freely() => Expect("""
        async Task<int> Run(Task<int> t, Task<int> u, bool flag)
        {
            var sum = 0;
            if (t.IsCompleted && flag) sum += t.Result;
            else sum += t.{|#0:Result|};
            if (!u.IsCompletedSuccessfully) { u.{|#1:Wait|}(); }
            else sum += u.Result;
            if (!(t.IsCompleted || flag)) sum += t.{|#2:Result|};
            await Task.Yield();
            return sum;
        }
        """,
        At(0, ".Result", "Run", "await the task instead"),
        At(1, ".Wait()", "Run", "await the task instead"),
        At(2, ".Result", "Run", "await the task instead"));

    [Fact]
    public Task A_conditional_expression_and_a_RanToCompletion_status_prove_completion_like_an_if() => Expect("""
        async ValueTask<int> Fast(ValueTask<int> v) => v.IsCompletedSuccessfully ? v.Result : await v;
        async ValueTask<int> Backwards(ValueTask<int> v) => !v.IsCompletedSuccessfully ? v.{|#0:Result|} : await v;
        async Task<int> Status(Task<int> t, Task<int> u)
        {
            await Task.Yield();
            var sum = t.Status == TaskStatus.RanToCompletion ? t.Result : 0;
            if (u.Status != TaskStatus.RanToCompletion) { sum += await u; } else { sum += u.Result; }
            return sum + (t.Status == TaskStatus.Faulted ? 0 : t.{|#1:Result|});
        }
        """,
        At(0, ".Result", "Backwards", "await the task instead"),
        At(1, ".Result", "Status", "await the task instead"));

    [Fact]
    public Task The_task_WhenAny_returns_has_completed() => Expect("""
        async Task<int> First(Task<int> a, Task<int> b)
        {
            var first = await Task.WhenAny(a, b);
            var second = await Task.WhenAny(a, b).ConfigureAwait(false);
            return first.Result + second.Result + (await Task.WhenAny(a, b)).Result;
        }

        async Task<int> Reassigned(Task<int> a, Task<int> b)
        {
            var first = await Task.WhenAny(a, b);
            first = b;
            return first.{|#0:Result|};
        }
        """,
        At(0, ".Result", "Reassigned", "await the task instead"));

    [Fact]
    public Task Sync_terminals_of_the_database_facade_raw_queries_block() => Expect("""
        async Task<int> Run(Shop db)
        {
            var totals = db.Database.SqlQuery<decimal>($"SELECT Total FROM Orders").{|#0:ToList|}();
            await Task.Yield();
            return totals.Count;
        }
        """, At(0, "ToList", "Run", "await ToListAsync instead"));

    [Fact]
    public Task Only_an_await_of_the_task_itself_here_completes_it() => Expect("""
        async Task<int> Run(Task<int> t, Task<int> u, Task<int> v, Task<int> w)
        {
            Func<Task<int>> later = async () => await t;
            var sum = t.{|#0:Result|};
            await Console.Out.WriteLineAsync(u.Status.ToString());
            sum += u.{|#1:Result|};
            await (v);
            sum += v.Result;
            await Task.WhenAny(w, Task.Delay(10)).ConfigureAwait(false);
            return sum + w.Result;
        }
        """,
        At(0, ".Result", "Run", "await the task instead"),
        At(1, ".Result", "Run", "await the task instead"));

    [Fact]
    public Task The_entry_point_runs_once_at_start_up_but_its_request_handlers_are_request_paths() => Verify.VerifyProgramAsync("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var app = WebApplication.CreateBuilder(args).Build();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Shop>();
            db.Database.Migrate();
            if (!db.Users.Any()) { db.Users.Add(new User { Name = "admin" }); db.SaveChanges(); }
        }

        app.MapGet("/users", async (Shop db) => db.Users.{|#0:ToList|}());
        await app.RunAsync();
        """,
        Sources.Ef + """
        public static class Tool
        {
            public static async Task<int> Main(string[] args)
            {
                using var db = new Shop();
                db.Database.Migrate();
                await Task.Yield();
                return db.Users.Count();
            }
        }
        """,
        At(0, "ToList", "lambda", "await ToListAsync instead"));

    [Fact]
    public Task A_hosted_service_starts_and_stops_the_host_once_but_a_controller_action_named_StartAsync_serves_requests() => Expect("""
        public class MigrateOnStart(Shop db) : Microsoft.Extensions.Hosting.IHostedService
        {
            public async Task StartAsync(CancellationToken ct) { db.Database.Migrate(); await Task.Yield(); }
            public async Task StopAsync(CancellationToken ct) { db.SaveChanges(); await Task.Yield(); }
        }
        public class Worker(Shop db) : Microsoft.Extensions.Hosting.BackgroundService
        {
            public override async Task StartAsync(CancellationToken ct) { db.Database.EnsureCreated(); await base.StartAsync(ct); }
            protected override async Task ExecuteAsync(CancellationToken ct) { while (!ct.IsCancellationRequested) { db.{|#0:SaveChanges|}(); await Task.Delay(1000, ct); } }
        }
        public class JobsController(Shop db)
        {
            public async Task<int> StartAsync(int id) { await Task.Yield(); return db.Users.{|#1:Count|}(); }
        }
        public static class NotTheEntryPoint
        {
            public static async Task Main(Shop db) { db.{|#2:SaveChanges|}(); await Task.Yield(); }
        }
        """,
        At(0, "SaveChanges", "ExecuteAsync", "await SaveChangesAsync instead"),
        At(1, "Count", "StartAsync", "await CountAsync instead"),
        At(2, "SaveChanges", "Main", "await SaveChangesAsync instead"));

    [Fact]
    public Task Seeding_the_database_at_start_up_is_no_request_path() => Expect("""
        public static class CatalogContextSeed
        {
            public static async Task SeedAsync(Shop db)
            {
                db.Database.Migrate();
                if (!db.Users.Any()) { db.Users.Add(new User { Name = "admin" }); await db.SaveChangesAsync(); }
            }
        }
        public class DbInitializer
        {
            public async Task InitializeAsync(Shop db) { db.Database.EnsureCreated(); await Task.Yield(); }
        }
        public class Setup
        {
            public async Task SeedRolesAsync(Shop db) { var any = db.Users.Any(); await Task.Yield(); }
            public async Task ResetAsync(Shop db) { var any = db.Users.{|#0:Any|}(); await Task.Yield(); }
        }
        """, At(0, "Any", "ResetAsync", "await AnyAsync instead"));

    [Fact]
    public Task A_seeding_local_function_of_Program_and_a_method_given_the_application_run_once_but_a_mapped_local_function_serves_requests() => Verify.VerifyProgramAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var app = WebApplication.CreateBuilder(args).Build();
        await SeedDemoDataAsync(app);
        await app.ApplyMigrationsAsync();
        app.MapGet("/users", ListUsers);
        app.MapGet("/count", CountUsers);
        await app.RunAsync();

        static async Task SeedDemoDataAsync(WebApplication app)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Shop>();
            if (!db.Users.Any()) { db.Users.Add(new User { Name = "demo" }); db.SaveChanges(); }
            await Task.CompletedTask;
        }

        static async Task<List<User>> ListUsers(Shop db) { await Task.Yield(); return db.Users.{|#0:ToList|}(); }
        static async Task<int> CountUsers(Shop db, WebApplication? unused = null) { await Task.Yield(); return db.Users.{|#1:Count|}(); }
        """,
        Sources.Ef + """
        public static class MigrationExtensions
        {
            public static async Task ApplyMigrationsAsync(this Microsoft.AspNetCore.Builder.WebApplication app)
            {
                using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
                var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Shop>(scope.ServiceProvider);
                db.Database.Migrate();
                await Task.Yield();
            }

            public static async Task MigrateHostAsync(this Microsoft.Extensions.Hosting.IHost host, Shop db) { db.Database.Migrate(); await Task.Yield(); }

            public static async Task ResetAsync(Shop db, Microsoft.AspNetCore.Builder.WebApplication app) { db.Database.{|#2:EnsureDeleted|}(); await Task.Yield(); }
        }
        """,
        At(0, "ToList", "ListUsers", "await ToListAsync instead"),
        At(1, "Count", "CountUsers", "await CountAsync instead"),
        At(2, "EnsureDeleted", "ResetAsync", "await EnsureDeletedAsync instead"));

    [Fact]
    public Task A_property_pattern_that_checks_completion_proves_it_like_the_property() => Expect("""
        static Task<int>? cached;
        async Task<int> Fast()
        {
            var t = cached;
            if (t is { IsCompletedSuccessfully: true }) return t.Result;
            if (t is { Status: TaskStatus.RanToCompletion, IsFaulted: false }) return t.Result;
            if (t is not null and { IsCompleted: false }) return await t;
            return await (cached = Task.FromResult(1));
        }

        async Task<int> Slow(Task<int> t, Task<int> u)
        {
            if (t is { IsCompletedSuccessfully: false }) return t.{|#0:Result|};
            if (u is { IsCompleted: false, IsFaulted: false }) { } else { return u.{|#1:Result|}; }
            if (t is { IsFaulted: true }) return t.{|#2:Result|};
            return await t;
        }
        """,
        At(0, ".Result", "Slow", "await the task instead"),
        At(1, ".Result", "Slow", "await the task instead"),
        At(2, ".Result", "Slow", "await the task instead"));

    [Fact]
    public Task A_query_switched_to_LINQ_to_Objects_still_runs_when_it_is_enumerated() => Expect("""
        async Task<int> Run(Shop db, List<Order> cached)
        {
            var names = db.Users.Where(u => u.TenantId == 1).AsEnumerable().Select(u => u.Name.Trim()).{|#0:ToList|}();
            foreach (var order in {|#1:db.Orders.AsEnumerable()|}) { }
            var big = db.Orders.AsEnumerable().{|#2:Count|}(o => o.Total > 100);

            var loaded = await db.Orders.ToListAsync();
            var totals = loaded.AsEnumerable().Select(o => o.Total).ToList();
            var again = (await db.Users.ToListAsync()).Select(u => u.Name).ToList();
            var local = cached.AsEnumerable().Where(o => o.Archived).Count();
            foreach (var order in cached.AsEnumerable()) { }
            return names.Count + big + totals.Count + again.Count + local;
        }
        """,
        At(0, "ToList", "Run", "await ToListAsync instead"),
        At(1, "foreach over an EF Core query", "Run", "use await foreach or await ToListAsync()"),
        At(2, "Count", "Run", "await CountAsync instead"));
}
