using System.Collections.Concurrent;
using System.Collections.Immutable;
using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Analyzers.Tests;

/// <summary>
/// The analyzers run in every keystroke's compilation, where code is half-written: no analyzer may throw (AD0001) on
/// malformed or incomplete code. Each case runs every analyzer in a hotfix build (so the escalation path runs too).
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Malformed =
    [
        "class C { void M(Shop db) { db.Users.FromSqlRaw( } }",
        "class C { void M(Shop db) { db.Users.FromSqlRaw($\"SELECT {", "class C { void M() { var sql = ; db.Database.ExecuteSqlRaw(sql); } }",
        "class C { async Task M(Task<int> t) { var x = t.; t.Wait(; } }",
        "class C { void M(Shop db) { foreach (var x in ) db.SaveChanges(); while () db.Users.Find(); } }",
        "class C { void M(Shop db) { for (;;) db.Orders.Where(o => ).ExecuteDelete(); } }",
        "[AllowAnonymous( public class X : ControllerBase { [HttpPost, Authorize(] public void P() { } }",
        "public class X : Controller { [AcceptVerbs(null, 42)] [AllowAnonymous] public void P() {} }",
        "class C { void M(WebApplication app) { app.MapPost(\"/\", [AllowAnonymous] ).AllowAnonymous(; app.MapMethods(\"/\", null, () => 1).AllowAnonymous(); } }",
        "class C { void M(SqliteCommand c, string s) { c.CommandText += ; c.CommandText = s + ; new SqliteCommand(s +); } }",
        "class C { void M(string s) { string sql = sql + s; var b = new System.Text.StringBuilder(); b.Append(b.ToString()); Run(b.ToString()); } void Run(string s) {} }",
        "class C { void M(Shop db, string s) { var q = q.Where(x => true); q.ExecuteDelete(); db.Users.FromSqlRaw(s + s + s); } }",
        "class C { static readonly Dictionary<string,string> D = new() { [null] = null, {", "class C { void M(Shop db, string s) { db.Database.ExecuteSqlRaw(\"DELETE FROM [x\" + s); db.Database.ExecuteSqlRaw(\"UPDATE \\\"t\" + s); db.Database.ExecuteSqlRaw(\"DELETE $a$ \" + s); } }",
        "class C { void M(Shop db) { db.Database.ExecuteSqlRaw(\"/* unterminated DELETE FROM x\"); db.Database.ExecuteSqlRaw(\"DELETE FROM 'x\"); db.Database.ExecuteSqlRaw(\"))) DELETE (((\"); db.Database.ExecuteSqlRaw(\";;;\"); } }",
        "async void M(Shop db) { db.SaveChanges(); await foreach (var x in db.Users) { db.Users.Find(x); } }",
        "class C<T> where T : DbContext { async Task M(T db, IQueryable<User> q) { q.ToList(); db.SaveChanges(); await Task.Yield(); } }",
        "partial class C : PageModel { [Authorize] public void OnPost() {} } partial class C { [AllowAnonymous] public void OnGet() {} }",
        "class Loop { void M(Shop db) { var q = db.Users.AsQueryable(); var p = q; q = p; p = q.Where(x => true); p.ExecuteDelete(); } }",
        "class M1 : Microsoft.EntityFrameworkCore.Migrations.Migration { protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder b) { b.DropColumn(; b.AlterColumn<int>(name:, table: null, type: 42); b.DropTable(\"x\" + ); } protected override void Down(",
        "abstract class M2 : Microsoft.EntityFrameworkCore.Migrations.Migration { } class M3 : M2 { protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder) => ; protected override void Down(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder b) => throw; }",
        // The generated-code test of the node-local rules (GeneratedCodeLocations): a file that mentions GeneratedCode,
        // with findings in members whose attributes or directives are half-written.
        "// GeneratedCode\nclass C { [System.CodeDom.Compiler.GeneratedCode(] void N() {} [Obsolete(] void M(Shop db, string s) { db.Database.ExecuteSqlRaw(\"DELETE FROM x WHERE a = \" + s); } }",
        "// GeneratedCode\nclass C { Shop db; string s; int P { [Obsolete(\"x\"] get { db.Database.ExecuteSqlRaw(\"DELETE FROM x WHERE a = \" + s); return 1; } [GeneratedCode set",
        "#line 1 \"a.cs\"\nclass C { void M(Shop db, string s) { db.Database.ExecuteSqlRaw(\"DELETE FROM x WHERE a = \" +\n#line hidden\n s);\n#line\n foreach (var u in db.Users) { db.SaveChanges(); } } }",
        "// Generated\\u0043ode\n[Obsolete] class C { [Obsolete(] static int F = new Shop().Database.ExecuteSqlRaw(\"DELETE FROM x WHERE a = \" + G), = ; static string G; }",
        // SQL text that HF2002 reads statement by statement: unterminated quotes, blocks and brackets in each dialect.
        "class M5 : Microsoft.EntityFrameworkCore.Migrations.Migration { protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder b) { b.Sql(\"DO $x$ BEGIN IF THEN DROP TABLE\"); b.Sql(\"DROP TABLE [a\\nGO\\nGO x\"); b.Sql(\"DELIMITER \\nDELIMITER //\\nDROP TABLE `t// ALTER TABLE t DROP COLUMN\"); b.Sql(\"'\"); b.Sql(@\"\"); b.Sql(\"TRUNCATE ((((\"); b.Sql(\"DO $$ BEGIN EXECUTE 'DROP TABLE ''x'; END\"); } }",
        "class M6 : Microsoft.EntityFrameworkCore.Migrations.Migration { protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder b) { b.AddColumn<int>(\"a\", \"t\").Annotation(\"SqlServer:Identity\", \"1, 1\"); b.Sql(\"ALTER TABLE [t DROP COLUMN [\"); b.Sql(\"ALTER TABLE\"); b.Sql(\"DROP\"); b.Sql(\"/* ]]] */ DROP TABLE [a]]b]\"); } }",
        "partial class M4 : Microsoft.EntityFrameworkCore.Migrations.Migration { protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder b) { b.CreateTable(name: null, columns: null); b.RenameTable(); b.Sql(); b.DropSchema(name: $\"s{1}\"); } } partial class M4 { void Down(int a, int b) {} }",
    ];

    public static TheoryData<int> MalformedCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Malformed.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public async Task No_analyzer_throws_on_malformed_code(int index) =>
        await AssertNoAnalyzerThrows(Sources.Ef + Usings + Malformed[index]);

    /// <summary>Prefixes of a realistic file, cut at 30 places: what the IDE analyzes while the file is being typed.</summary>
    [Fact]
    public async Task No_analyzer_throws_on_any_prefix_of_a_realistic_file()
    {
        var file = Sources.Ef + Usings + Realistic;
        var start = Sources.Ef.Length + Usings.Length;
        var step = Math.Max(1, (file.Length - start) / 30);
        var cuts = Enumerable.Range(0, 31).Select(i => Math.Min(file.Length, start + i * step)).Distinct();
        foreach (var cut in cuts)
        {
            await AssertNoAnalyzerThrows(file[..cut]);
        }
    }

    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        """;

    private const string Realistic = """
        [ApiController, Route("orders"), Authorize]
        public class OrdersController : ControllerBase
        {
            private static readonly Dictionary<string, string> Columns = new() { ["total"] = "Total" };
            private readonly Shop db;
            public OrdersController(Shop db) => this.db = db;

            [HttpPost("purge"), AllowAnonymous]
            public async Task<IActionResult> Purge(int? tenant, string sort, CancellationToken ct)
            {
                var query = db.Orders.AsQueryable();
                if (tenant != null) query = query.Where(o => o.UserId == tenant);
                var sql = $"SELECT * FROM Orders ORDER BY {sort}" + (tenant > 0 ? " DESC" : " ASC");
                foreach (var id in new[] { 1, 2 })
                {
                    var order = db.Orders.Find(id);
                    db.SaveChanges();
                    await db.Users.Where(u => u.Id == id).ToListAsync(ct);
                }

                var count = db.Orders.FromSqlRaw(sql).Count();
                var total = Task.Run(() => 1).Result;
                await db.Database.ExecuteSqlRawAsync("DELETE FROM Orders", ct);
                await query.ExecuteDeleteAsync(ct);
                return Ok(count + total + db.Users.IgnoreQueryFilters().Count());
            }

            [HttpPost("import"), AllowAnonymous]
            public async Task<IActionResult> Import(List<int> ids, string table, Task<int> pending, CancellationToken ct)
            {
                foreach (var chunk in ids.Chunk(100)) await db.Orders.Where(o => chunk.Contains(o.Id)).ToListAsync(ct);
                var last = 0;
                while (true)
                {
                    var page = await db.Orders.Where(o => o.Id > last).OrderBy(o => o.Id).Take(100).ToListAsync(ct);
                    if (page.Count == 0) break;
                    last = page[^1].Id;
                    await db.SaveChangesAsync(ct);
                }

                var all = Task.WhenAll(pending);
                await all;
                var tasks = new List<Task<int>> { pending };
                await Task.WhenAll(tasks);
                await db.Database.ExecuteSqlRawAsync(string.Format("DELETE FROM [{0}] {{1}}", table), ct);
                await db.Database.ExecuteSqlRawAsync("WITH b AS (SELECT TOP (10) * FROM Orders WHERE Archived = 1) DELETE FROM b; UPDATE STATISTICS Orders", ct);
                await (ids.Count > 0 ? db.Orders.Where(o => ids.Contains(o.Id)) : db.Orders).ExecuteDeleteAsync(ct);
                foreach (var id in ids)
                {
                    try { await db.SaveChangesAsync(ct); }
                    catch (DbUpdateException) { db.ChangeTracker.Clear(); }
                }

                using var connection = new SqliteConnection("Data Source=:memory:");
                using var command = new SqliteCommand("dbo." + table, connection);
                command.CommandType = System.Data.CommandType.StoredProcedure;
                foreach (var name in new[] { "admin", "ops" }) await db.Orders.AnyAsync(o => o.Id == name.Length, ct);
                foreach (var id in ids)
                {
                    await using var own = new Shop();
                    await own.SaveChangesAsync(ct);
                }

                var first = await Task.WhenAny(pending, Task.Delay(10));
                await db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {db.Model.FindEntityType(typeof(Order))!.GetTableName()} -- {DateTime.UtcNow:O}", ct);
                return await LogIn(table) ? Ok(pending.IsCompletedSuccessfully ? pending.Result : first.Id) : Unauthorized();
            }

            public async Task Pump(System.Threading.Channels.ChannelReader<int> reader, CancellationToken ct)
            {
                while (await reader.WaitToReadAsync(ct))
                {
                    while (reader.TryRead(out var id)) { db.Orders.Find(id); await db.SaveChangesAsync(ct); }
                }
            }

            [HttpDelete("all"), Authorize]
            public IActionResult Clear() => Ok();

            private Task<bool> LogIn(string user) => Task.FromResult(HttpContext.User.Identity?.Name == user);
        }

        [AllowAnonymous]
        public class PublicOrdersController : OrdersController
        {
            public PublicOrdersController(Shop db) : base(db) { }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapPost("/x", () => 1).RequireAuthorization().AllowAnonymous();
        }
        """;

    // One compilation whose tree is swapped per case: the references are bound once, not per case.
    private static readonly SyntaxTree EmptyTree = CSharpSyntaxTree.ParseText("", path: "/repo/src/Orders.cs");
    private static readonly CSharpCompilation Empty = CSharpCompilation.Create("robustness", [EmptyTree], TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static async Task AssertNoAnalyzerThrows(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/repo/src/Orders.cs");
        var compilation = Empty.ReplaceSyntaxTree(EmptyTree, tree);
        var failures = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([new TextAdditional("/repo/obj/Hotfix.ChangedLines.diff", "diff --git a/src/Orders.cs b/src/Orders.cs\n+++ b/src/Orders.cs\n@@ -1,0 +1,400 @@\n")],
                HotfixBuild),
            (exception, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Instances, options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(failures);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private static readonly DictionaryOptionsProvider HotfixBuild = new(new Dictionary<string, string>
    {
        ["build_property.HotfixBranch"] = "hotfix/INC-2026-0001-robustness",
        ["build_property.HotfixRepositoryRoot"] = "/repo",
    });

    private sealed class TextAdditional(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
