// Idiom corpus: HF3001: a Dapper generic repository takes its table and column names from mapping attributes and reflection.
using System;
using System.Linq;
using System.Reflection;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations.Schema;
using System.Data;
using System.Threading.Tasks;
using Dapper;

public class GenericRepository<T>(IDbConnection conn) where T : class
{
    private static readonly string Table = typeof(T).GetCustomAttribute<TableAttribute>()?.Name ?? typeof(T).Name + "s";
    private static readonly PropertyInfo[] Props = typeof(T).GetProperties().Where(p => p.Name != "Id").ToArray();

    public Task<int> Insert(T entity)
    {
        var columns = string.Join(", ", Props.Select(p => p.GetCustomAttribute<ColumnAttribute>()?.Name ?? p.Name));
        var values = string.Join(", ", Props.Select(p => "@" + p.Name));
        return conn.ExecuteAsync($"INSERT INTO {Table} ({columns}) VALUES ({values})", entity);
    }

    public Task<int> Update(T entity)
    {
        var sets = string.Join(", ", Props.Select(p => $"{p.Name} = @{p.Name}"));
        return conn.ExecuteAsync($"UPDATE {Table} SET {sets} WHERE Id = @Id", entity);
    }

    public Task<T?> Get(int id) => conn.QuerySingleOrDefaultAsync<T>($"SELECT * FROM {Table} WHERE Id = @id", new { id });
}
