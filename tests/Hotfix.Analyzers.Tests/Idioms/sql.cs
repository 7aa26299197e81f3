// Idiom corpus: HF3001: numbers, enums, Guids, switch-selected columns, placeholder lists and StringBuilder clauses cannot carry SQL.
using System;
using System.Linq;
using System.Text;
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

public enum Status { Open, Closed }
public class Item { public int Id { get; set; } public string Name { get; set; } = ""; }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }

public class Repo(IDbConnection conn, AppDb db)
{
    private static readonly string Columns = "Id, Name, Status";
    private const string Table = "Items";

    public Task<IEnumerable<Item>> ByIds(IReadOnlyList<int> ids) =>
        conn.QueryAsync<Item>($"SELECT {Columns} FROM {Table} WHERE Id IN ({string.Join(",", ids)})");

    public Task<IEnumerable<Item>> ByIdsParams(IReadOnlyList<int> ids)
    {
        var names = string.Join(", ", ids.Select((_, i) => "@p" + i));
        var p = new DynamicParameters();
        for (var i = 0; i < ids.Count; i++) p.Add("p" + i, ids[i]);
        return conn.QueryAsync<Item>($"SELECT * FROM Items WHERE Id IN ({names})", p);
    }

    public Task<IEnumerable<Item>> Sorted(string sortBy, bool desc)
    {
        var column = sortBy switch { "name" => "Name", "created" => "Created", _ => "Id" };
        return conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY {column} {(desc ? "DESC" : "ASC")}");
    }

    public Task<IEnumerable<Item>> ByStatus(Status status, Guid tenant, int take) =>
        conn.QueryAsync<Item>($"SELECT * FROM Items WHERE Status = {(int)status} AND Tenant = '{tenant}' LIMIT {take}");

    public Task<IEnumerable<Item>> Filter(string? name, int? minId)
    {
        var sql = new StringBuilder("SELECT * FROM Items WHERE 1 = 1");
        if (name != null) sql.Append(" AND Name = @name");
        if (minId != null) sql.Append(" AND Id >= @minId");
        return conn.QueryAsync<Item>(sql.ToString(), new { name, minId });
    }

    public Task<IEnumerable<Item>> Filter2(string? name, int? minId)
    {
        var where = new List<string>();
        if (name != null) where.Add("Name = @name");
        if (minId != null) where.Add("Id >= @minId");
        var sql = "SELECT * FROM Items";
        if (where.Count > 0) sql += " WHERE " + string.Join(" AND ", where);
        return conn.QueryAsync<Item>(sql, new { name, minId });
    }

    public Task<int> Count(Status status) => conn.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM Items WHERE Status = {status:D}");

    public IQueryable<Item> Raw(int id) => db.Items.FromSqlRaw($"SELECT * FROM Items WHERE Id = {id}");
    public Task<List<Item>> Enum(Status s) => db.Items.FromSqlRaw("SELECT * FROM Items WHERE Status = '" + s + "'").ToListAsync();
}
