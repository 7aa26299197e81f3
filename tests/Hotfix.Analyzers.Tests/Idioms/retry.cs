// Idiom corpus: HF4001/HF4002: retry loops of transient failures run once per attempt; a per-item loop that skips failures still counts.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

public class Item { public int Id { get; set; } }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }

public class Retries(AppDb db)
{
    private const int MaxRetries = 3;

    public async Task<List<Item>> Counted()
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            try
            {
                return await db.Items.ToListAsync();
            }
            catch (SqliteException) when (attempt < MaxRetries - 1)
            {
                await Task.Delay(100);
            }
        }
        return new List<Item>();
    }

    public async Task WhileRetries()
    {
        var retries = 0;
        while (retries < 3)
        {
            try
            {
                db.Items.Add(new Item());
                await db.SaveChangesAsync();
                break;
            }
            catch (SqliteException)
            {
                retries++;
            }
        }
    }

    public async Task<int> DoRetry()
    {
        var tries = 0;
        do
        {
            try
            {
                return await db.Items.CountAsync();
            }
            catch (TimeoutException) { tries++; }
        } while (tries < 5);
        return -1;
    }

    // Still N+1: a per-item loop that skips failures.
    public async Task PerItem(List<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            try
            {
                var item = await db.Items.FindAsync(ids[i]);  // expect HF4001
            }
            catch (SqliteException) { }
        }
    }
}
