// Idiom corpus: HF4001/HF4002: draining a table in bounded batches, paging with a for over page numbers, seeding over read-only
// literals; a chain walk and a per-item Take (ordered or not) still count.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Dapper;

public class Role { public int Id { get; set; } public string Name { get; set; } = ""; }
public class Log { public int Id { get; set; } public DateTime At { get; set; } }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Role> Roles => Set<Role>(); public DbSet<Log> Logs => Set<Log>(); }

public class Maintenance(AppDb db)
{
    private static readonly string[] DefaultRoles = { "Admin", "Editor", "Viewer" };
    private static readonly IReadOnlyList<string> Others = new List<string> { "Ops", "Support" };

    public async Task EnsureRoles()
    {
        foreach (var name in DefaultRoles)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == name))
                db.Roles.Add(new Role { Name = name });
        }
        foreach (var name in Others)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == name))
                db.Roles.Add(new Role { Name = name });
        }
        await db.SaveChangesAsync();
    }

    public async Task PurgeNoOrder(DateTime cutoff, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Logs.Where(l => l.At < cutoff).Take(1000).ToListAsync(ct).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }
            db.Logs.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task RawDrain(SqliteConnection conn, DateTime cutoff)
    {
        int rows;
        do
        {
            rows = await conn.ExecuteAsync("DELETE FROM Logs WHERE Id IN (SELECT Id FROM Logs WHERE At < @cutoff LIMIT 1000)", new { cutoff });
        } while (rows == 1000);

        var total = 0;
        for (;;)
        {
            var n = db.Database.ExecuteSqlRaw("DELETE TOP (500) FROM Logs WHERE At < {0}", cutoff);  // expect HF4003
            total += n;
            if (n < 500) break;
        }
    }

    public async Task TrimNames(int pageSize, CancellationToken ct)
    {
        var pages = (await db.Roles.CountAsync(ct) + pageSize - 1) / pageSize;
        for (var page = 0; page < pages; page++)
        {
            var batch = await db.Roles.OrderBy(r => r.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
            foreach (var role in batch) role.Name = role.Name.Trim();
            await db.SaveChangesAsync(ct);
        }
    }

    // Still N+1: an ordered Take per id is the latest few of each, not a page.
    public async Task Latest(List<int> ids)
    {
        var i = 0;
        while (i < ids.Count)
        {
            var id = ids[i];
            var recent = await db.Logs.Where(l => l.Id == id).OrderByDescending(l => l.At).Take(3).ToListAsync();  // expect HF4001
            i++;
        }
    }

    // Still N+1: walks a chain one row at a time.
    public async Task<int> Depth(int id)
    {
        var depth = 0;
        var role = await db.Roles.FindAsync(id);
        while (role != null)
        {
            role = await db.Roles.FindAsync(role.Id - 1);  // expect HF4001
            depth++;
        }
        return depth;
    }

    // Still N+1: the loop does not end on the batch.
    public async Task Each(List<int> ids)
    {
        var i = 0;
        while (i < ids.Count)
        {
            var few = await db.Logs.Where(l => l.Id == ids[i]).Take(10).ToListAsync();  // expect HF4001
            i++;
        }
    }
}
