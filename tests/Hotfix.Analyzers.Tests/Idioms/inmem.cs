// Idiom corpus: HF4003: EF Core's in-memory APIs (Local, ChangeTracker, ToQueryString, GetDbConnection) and LINQ over loaded lists do no
// I/O; a query switched to LINQ to Objects with AsEnumerable() still runs when it is enumerated.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

public interface IAuditable { DateTime Modified { get; set; } }
public class Item : IAuditable { public int Id { get; set; } public string Name { get; set; } = ""; public DateTime Modified { get; set; } public List<Tag> Tags { get; set; } = new(); }
public class Tag { public int Id { get; set; } }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o)
{
    public DbSet<Item> Items => Set<Item>();

    public override async Task<int> SaveChangesAsync(CancellationToken ct = default)
    {
        foreach (var entry in ChangeTracker.Entries<IAuditable>().Where(e => e.State == EntityState.Modified).ToList())
        {
            entry.Entity.Modified = DateTime.UtcNow;
        }
        var changed = ChangeTracker.Entries().Count();
        return await base.SaveChangesAsync(ct);
    }
}

public class Handler(AppDb db)
{
    public async Task<string> Run(int id)
    {
        var local = db.Items.Local.ToList();
        var first = db.Items.Local.FirstOrDefault(i => i.Id == id);
        var sql = db.Items.Where(i => i.Id == id).ToQueryString();
        var conn = db.Database.GetDbConnection();
        var entries = db.ChangeTracker.Entries().ToList();
        var tracked = db.Items.Local.ToObservableCollection();
        var item = await db.Items.FindAsync(id);
        var tags = item!.Tags.Where(t => t.Id > 0).ToList();
        var names = (await db.Items.ToListAsync()).Select(i => i.Name).ToList();
        await Task.Yield();
        return sql + local.Count + entries.Count + tags.Count + names.Count + conn.Database + first?.Name + tracked.Count;
    }

    public async Task<List<string>> Trimmed()
    {
        var loaded = await db.Items.ToListAsync();
        var fromMemory = loaded.AsEnumerable().Select(i => i.Name.Trim()).ToList();
        var fromDatabase = db.Items.Where(i => i.Id > 0).AsEnumerable().Select(i => i.Name.Trim()).ToList(); // expect HF4003
        foreach (var item in db.Items.AsEnumerable()) // expect HF4003
        {
            fromMemory.Add(item.Name);
        }
        return fromMemory.Concat(fromDatabase).ToList();
    }
}
