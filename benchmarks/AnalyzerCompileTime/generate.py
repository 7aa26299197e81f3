#!/usr/bin/env python3
"""Generates a service of realistic data-access code for the analyzer compile-time benchmark.

Per module i (default 500 modules -> 2,000 .cs files): an entity, a repository (EF Core LINQ, raw SQL, Dapper,
ADO.NET), an API controller (authorized, with the occasional anonymous action) and a service with loops and saves;
plus one EF Core migration per ten modules.
About one file in ten carries a finding, as in a codebase that has lived for a while; the rest is clean code the
analyzers must walk through without reporting.

With SHAPE=sink-dense (or a third argument `sink-dense`) it writes the other shape instead: a data-access layer as
dense in SQL sinks as a legacy one gets — sink_dense.py.
"""
import os
import sys

out = sys.argv[1]
modules = int(sys.argv[2]) if len(sys.argv) > 2 else 500
shape = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("SHAPE", "service")
src = os.path.join(out, "src")
os.makedirs(src, exist_ok=True)

if shape == "sink-dense":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import sink_dense

    sink_dense.generate(src, modules)
    sys.exit(0)
if shape != "service":
    sys.exit(f"unknown SHAPE {shape!r}: expected service or sink-dense")


def write(name, text):
    with open(os.path.join(src, name), "w") as f:
        f.write(text)


write("ShopContext.cs", """using Microsoft.EntityFrameworkCore;

namespace Bench;

public partial class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
}
""")

for i in range(modules):
    finding = i % 10 == 0
    write(f"Entity{i}.cs", f"""using Microsoft.EntityFrameworkCore;

namespace Bench;

public class Entity{i}
{{
    public int Id {{ get; set; }}
    public int TenantId {{ get; set; }}
    public string Name {{ get; set; }} = "";
    public decimal Amount {{ get; set; }}
    public bool Archived {{ get; set; }}
    public DateTime CreatedAt {{ get; set; }}
    public List<Line{i}> Lines {{ get; set; }} = new();
}}

public class Line{i}
{{
    public int Id {{ get; set; }}
    public int Entity{i}Id {{ get; set; }}
    public int Quantity {{ get; set; }}
}}

public partial class ShopContext
{{
    public DbSet<Entity{i}> Entities{i} => Set<Entity{i}>();
    public DbSet<Line{i}> Lines{i} => Set<Line{i}>();
}}
""")
    raw = (f'db.Entities{i}.FromSqlRaw("SELECT * FROM Entities{i} WHERE Name = \'" + name + "\'")' if finding
           else f'db.Entities{i}.FromSql($"SELECT * FROM Entities{i} WHERE Name = {{name}}")')
    write(f"Repository{i}.cs", f"""using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Bench;

public class Repository{i}(ShopContext db, IDbConnection connection)
{{
    private static readonly Dictionary<string, string> SortColumns = new() {{ ["name"] = "Name", ["amount"] = "Amount" }};
    private const string Table = "Entities{i}";

    public Task<List<Entity{i}>> ActiveAsync(int tenant, CancellationToken ct) =>
        db.Entities{i}.AsNoTracking().Where(e => e.TenantId == tenant && !e.Archived).OrderBy(e => e.Name).ToListAsync(ct);

    public Task<Entity{i}?> FindAsync(int id, CancellationToken ct) => db.Entities{i}.Include(e => e.Lines).FirstOrDefaultAsync(e => e.Id == id, ct);

    public Task<int> CountAsync(int tenant) => db.Entities{i}.CountAsync(e => e.TenantId == tenant);

    public Task<decimal> TotalAsync(int tenant) => db.Entities{i}.Where(e => e.TenantId == tenant).SumAsync(e => e.Amount);

    public IQueryable<Entity{i}> ByName(string name) => {raw};

    public IQueryable<Entity{i}> Sorted(string key, bool descending)
    {{
        var column = SortColumns.TryGetValue(key, out var c) ? c : "Id";
        var direction = descending ? "DESC" : "ASC";
        return db.Entities{i}.FromSqlRaw($"SELECT * FROM {{Table}} ORDER BY {{column}} {{direction}}");
    }}

    public Task<int> ArchiveAsync(int tenant, DateTime before) =>
        db.Entities{i}.Where(e => e.TenantId == tenant && e.CreatedAt < before).ExecuteUpdateAsync(s => s.SetProperty(e => e.Archived, true));

    public Task<int> PurgeAsync(int tenant) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM Entities{i} WHERE TenantId = {{tenant}} AND Archived = 1");

    public Task<IEnumerable<Entity{i}>> RecentAsync(int tenant) =>
        connection.QueryAsync<Entity{i}>("SELECT TOP 50 * FROM Entities{i} WHERE TenantId = @tenant ORDER BY CreatedAt DESC", new {{ tenant }});

    public int Touch(DbConnection open, int id)
    {{
        using var command = open.CreateCommand();
        command.CommandText = "UPDATE Entities{i} SET CreatedAt = CURRENT_TIMESTAMP WHERE Id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command.ExecuteNonQuery();
    }}
}}
""")
    anonymous = "[HttpPost(\"import\"), AllowAnonymous]" if finding else "[HttpPost(\"import\")]"
    write(f"Controller{i}.cs", f"""using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bench;

[ApiController, Route("api/entities{i}"), Authorize]
public class Entities{i}Controller(Repository{i} repository, Service{i} service) : ControllerBase
{{
    [HttpGet]
    public async Task<IActionResult> List(int tenant, CancellationToken ct) => Ok(await repository.ActiveAsync(tenant, ct));

    [HttpGet("{{id}}")]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {{
        var entity = await repository.FindAsync(id, ct);
        return entity is null ? NotFound() : Ok(entity);
    }}

    {anonymous}
    public async Task<IActionResult> Import([FromBody] List<Entity{i}> items) => Ok(await service.ImportAsync(items));

    [HttpDelete("{{id}}"), Authorize(Roles = "admin")]
    public async Task<IActionResult> Archive(int tenant) => Ok(await repository.ArchiveAsync(tenant, DateTime.UtcNow.AddDays(-30)));
}}
""")
    loop_body = (f"""            var existing = db.Entities{i}.FirstOrDefault(e => e.Name == item.Name);
            if (existing is null) db.Entities{i}.Add(item);
            await db.SaveChangesAsync();""" if finding else f"""            if (!names.Contains(item.Name)) db.Entities{i}.Add(item);""")
    write(f"Service{i}.cs", f"""using Microsoft.EntityFrameworkCore;

namespace Bench;

public class Service{i}(ShopContext db)
{{
    public async Task<int> ImportAsync(List<Entity{i}> items)
    {{
        var wanted = items.Select(i => i.Name).ToList();
        var names = (await db.Entities{i}.Where(e => wanted.Contains(e.Name)).Select(e => e.Name).ToListAsync()).ToHashSet();
        foreach (var item in items)
        {{
{loop_body}
        }}

        return await db.SaveChangesAsync();
    }}

    public async Task<Dictionary<int, int>> LineCountsAsync(int tenant)
    {{
        var counts = await db.Lines{i}
            .Where(l => db.Entities{i}.Any(e => e.Id == l.Entity{i}Id && e.TenantId == tenant))
            .GroupBy(l => l.Entity{i}Id)
            .Select(g => new {{ g.Key, Count = g.Sum(l => l.Quantity) }})
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        return counts;
    }}
}}
""")

# EF Core migrations, as a service accumulates them: one per ten modules, most additive, some dropping a column (with
# and without a Down) — so HF2002/HF2003 walk the same kind of history they meet in a real repository.
migrations = modules // 10
for m in range(migrations):
    i = m * 10
    drop = m % 4 == 0
    down = "" if m % 8 == 0 else f"""
    protected override void Down(MigrationBuilder migrationBuilder)
    {{
        migrationBuilder.DropIndex(name: "IX_Entities{i}_TenantId", table: "Entities{i}");
        migrationBuilder.DropColumn(name: "Code", table: "Entities{i}");
    }}
"""
    write(f"Migration{m:04d}.cs", f"""using Microsoft.EntityFrameworkCore.Migrations;

namespace Bench.Migrations;

public partial class AddCode{m} : Migration
{{
    protected override void Up(MigrationBuilder migrationBuilder)
    {{
        migrationBuilder.AddColumn<string>(name: "Code", table: "Entities{i}", type: "character varying(40)", maxLength: 40, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Entities{i}_TenantId", table: "Entities{i}", column: "TenantId");
        {'migrationBuilder.DropColumn(name: "Legacy", table: "Entities' + str(i) + '");' if drop else ''}
    }}
{down}}}
""")

print(f"generated {modules * 4 + 1 + migrations} files in {src}")
