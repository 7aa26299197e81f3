// Idiom corpus: HF2009 on bulk writes: a conditional filter leaves the unfiltered path; MERGE, joins, upserts, WHERE IN and temporary tables are bounded or hold no data.
using System;
using System.Linq;
using System.Linq.Expressions;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

public class Item { public int Id { get; set; } public int CartId { get; set; } public int? TenantId { get; set; } public DateTime Expires { get; set; } }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }

public class Writes(AppDb db, IDbConnection conn)
{
    public async Task Conditional(int? tenant)
    {
        IQueryable<Item> q = db.Items;
        if (tenant != null) q = q.Where(i => i.TenantId == tenant);
        await q.ExecuteDeleteAsync();  // expect HF2009
    }

    public Task Generic(Expression<Func<Item, bool>> predicate) => db.Items.Where(predicate).ExecuteDeleteAsync();

    public void Sql()
    {
        conn.Execute("MERGE INTO Items AS t USING Staging AS s ON t.Id = s.Id WHEN MATCHED THEN UPDATE SET t.CartId = s.CartId WHEN NOT MATCHED THEN INSERT (Id, CartId) VALUES (s.Id, s.CartId);");
        conn.Execute("UPDATE t SET t.CartId = s.CartId FROM Items t INNER JOIN Staging s ON s.Id = t.Id");
        conn.Execute("DELETE t FROM Items t INNER JOIN Expired e ON e.Id = t.Id");
        conn.Execute("INSERT INTO Items (Id, CartId) VALUES (@id, @cart) ON CONFLICT (Id) DO UPDATE SET CartId = excluded.CartId", new { id = 1, cart = 2 });
        conn.Execute("INSERT INTO Items (Id, CartId) VALUES (@id, @cart) ON DUPLICATE KEY UPDATE CartId = VALUES(CartId)", new { id = 1, cart = 2 });
        conn.Execute("TRUNCATE TABLE #staging");
        conn.Execute("DELETE FROM #work");
        conn.Execute("DELETE FROM @ids");
        conn.Execute("CREATE TEMP TABLE tmp_ids (id int); DELETE FROM tmp_ids;");
        conn.Execute("DELETE FROM Items WHERE Id IN (SELECT Id FROM Expired)");
        conn.Execute("UPDATE Items SET CartId = 0 WHERE CartId = @cart", new { cart = 1 });
        conn.Execute("UPDATE Counters SET Value = Value + 1");  // expect HF2009
        conn.Execute("DELETE FROM Items");  // expect HF2009
    }

    public void Ef()
    {
        db.Database.ExecuteSqlRaw("UPDATE Items SET Expires = NOW() WHERE Id = {0}", 5);
        db.Database.ExecuteSql($"DELETE FROM Items WHERE CartId = {5}");
        db.Items.ExecuteUpdate(s => s.SetProperty(i => i.Expires, DateTime.UtcNow));  // expect HF2009
    }
}
