// Idiom corpus: HF3001: a ternary allow-list check, a bracket-quoted table of column names and a Dapper generic repository's reflected column list are code; the same shapes over input are not.
using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Dapper;

public class Order { public int Id { get; set; } public string Status { get; set; } = ""; public DateTime CreatedAt { get; set; } }

public class OrderQueries(IDbConnection connection)
{
    private static readonly HashSet<string> AllowedSorts = new(StringComparer.OrdinalIgnoreCase) { "Total", "Status", "CreatedAt" };
    private static readonly string[] SelectColumns = { "Id", "Status", "CreatedAt" };

    public Task<IEnumerable<Order>> Sorted(string sortBy, string direction)
    {
        var column = AllowedSorts.Contains(sortBy) ? sortBy : "CreatedAt";
        var dir = string.Equals(direction, "desc", StringComparison.OrdinalIgnoreCase) ? "DESC" : "ASC";
        return connection.QueryAsync<Order>($"SELECT * FROM Orders ORDER BY {column} {dir}");
    }

    public Task<IEnumerable<Order>> SortedInline(string sortBy) =>
        connection.QueryAsync<Order>($"SELECT * FROM Orders ORDER BY {(AllowedSorts.Contains(sortBy) ? sortBy : "CreatedAt")}");

    public Task<IEnumerable<Order>> SortedBackwards(string sortBy)
    {
        var column = AllowedSorts.Contains(sortBy) ? "CreatedAt" : sortBy;
        return connection.QueryAsync<Order>($"SELECT * FROM Orders ORDER BY {column}"); // expect HF3001
    }

    public Task<IEnumerable<Order>> Projection() =>
        connection.QueryAsync<Order>($"SELECT {string.Join(", ", SelectColumns.Select(c => $"[{c}]"))} FROM Orders");

    public Task<IEnumerable<Order>> ProjectionOf(string[] fields) =>
        connection.QueryAsync<Order>($"SELECT {string.Join(", ", fields.Select(c => $"[{c}]"))} FROM Orders"); // expect HF3001
}

public class GenericRepository<T>(IDbConnection connection)
{
    public Task<int> Insert(T entity)
    {
        var props = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "Id").Select(p => p.Name).ToArray();
        var sql = $"INSERT INTO {typeof(T).Name}s ({string.Join(", ", props)}) VALUES ({string.Join(", ", props.Select(n => "@" + n))})";
        return connection.ExecuteAsync(sql, entity);
    }

    public Task<int> Update(T entity)
    {
        var sets = typeof(T).GetProperties().Select(p => p.Name).Where(n => n != "Id").ToList();
        return connection.ExecuteAsync($"UPDATE {typeof(T).Name}s SET {string.Join(", ", sets.Select(n => $"{n} = @{n}"))} WHERE Id = @Id", entity);
    }

    public Task<int> Patch(T entity, IEnumerable<string> fields)
    {
        var names = fields.ToArray();
        return connection.ExecuteAsync($"UPDATE {typeof(T).Name}s SET {string.Join(", ", names.Select(n => $"{n} = @{n}"))} WHERE Id = @Id", entity); // expect HF3001
    }
}
