// Idiom corpus: HF4001/HF4002: retry loops of transient failures and EF Core's concurrency retry run once per attempt; a per-item
// loop (for, while over a queue) that catches and skips failures still counts, whatever it catches.
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

    public async Task ConcurrencyRetry(Item item)
    {
        var saved = false;
        while (!saved)
        {
            try
            {
                db.Items.Update(item);
                await db.SaveChangesAsync();
                saved = true;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                foreach (var entry in ex.Entries)
                {
                    var current = await entry.GetDatabaseValuesAsync();
                    if (current != null) entry.OriginalValues.SetValues(current);
                }
            }
        }
    }

    // Still one save per item: the handler skips a failed row and the loop goes on to the next.
    public async Task ImportRows(IReadOnlyList<Item> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                db.Items.Add(rows[i]);
                await db.SaveChangesAsync();  // expect HF4002
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task Drain(System.Collections.Concurrent.ConcurrentQueue<Item> queue)
    {
        while (queue.TryDequeue(out var row))
        {
            try
            {
                db.Items.Add(row);
                await db.SaveChangesAsync();  // expect HF4002
            }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); }
        }
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
