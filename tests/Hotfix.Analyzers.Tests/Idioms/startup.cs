// Idiom corpus: HF4001-HF4003: console Main, a hosted service's StartAsync, bounded drains, chunked imports and retries;
// a cached task's completion checked by a property pattern.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

public class Item { public int Id { get; set; } public string Name { get; set; } = ""; public bool Done { get; set; } public DateTime Created { get; set; } }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }

public static class ConsoleMain
{
    public static async Task<int> Main(string[] args)
    {
        var db = new AppDb(new DbContextOptionsBuilder<AppDb>().Options);
        db.Database.Migrate();
        var n = db.Items.Count();
        await Task.Delay(1);
        return n;
    }
}

public class MigrateOnStart(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.Migrate();
        await Task.CompletedTask;
    }
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public class Batches(AppDb db)
{
    public async Task PurgeInBatches(DateTime cutoff, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Items.Where(i => i.Created < cutoff).OrderBy(i => i.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) break;
            db.Items.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task DeleteInBatches(DateTime cutoff, CancellationToken ct)
    {
        int deleted;
        do
        {
            deleted = await db.Items.Where(i => i.Created < cutoff).Take(5000).ExecuteDeleteAsync(ct);
        } while (deleted > 0);
    }

    public async Task ImportChunks(IEnumerable<Item> items, CancellationToken ct)
    {
        foreach (var chunk in items.Chunk(500))
        {
            db.Items.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public async Task Retry(Item item, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                db.Items.Add(item);
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await Task.Delay(100 * attempt, ct);
            }
        }
    }
}

public class CachedTotals
{
    private static Task<int>? cached;

    public async Task<int> TotalAsync()
    {
        var t = cached;
        if (t is { IsCompletedSuccessfully: true }) return t.Result;
        return await (cached = Task.FromResult(1));
    }

    public async Task<int> StaleAsync()
    {
        var t = cached ?? Task.FromResult(0);
        if (t is { IsFaulted: false }) return t.Result; // expect HF4003
        return await t;
    }
}

public class Factory : IDesignTimeDbContextFactory<AppDb>
{
    public AppDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AppDb>().Options);
}
