// Idiom corpus: HF3001: configuration, options, environment variables and quoted identifiers are no request input; a LIKE pattern is.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

public class DbOptions { public string Schema { get; set; } = "dbo"; public string TablePrefix { get; set; } = ""; }
public class Item { public int Id { get; set; } }

public class Repo
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase) { ["name"] = "Name", ["date"] = "CreatedAt" };
    private readonly IDbConnection conn;
    private readonly string schema;
    private readonly DbOptions options;
    private readonly IConfiguration config;

    public Repo(IDbConnection conn, IOptions<DbOptions> options, IConfiguration config)
    {
        this.conn = conn;
        this.options = options.Value;
        schema = options.Value.Schema;
        this.config = config;
    }

    public Task<IEnumerable<Item>> FromOptions() => conn.QueryAsync<Item>($"SELECT * FROM {schema}.Items");
    public Task<IEnumerable<Item>> FromOptions2() => conn.QueryAsync<Item>($"SELECT * FROM {options.Schema}.{options.TablePrefix}Items");
    public Task<IEnumerable<Item>> FromConfig() => conn.QueryAsync<Item>($"SELECT * FROM {config["Db:Schema"]}.Items");
    public Task<IEnumerable<Item>> FromEnv() => conn.QueryAsync<Item>($"SELECT * FROM {Environment.GetEnvironmentVariable("DB_SCHEMA")}.Items");

    public Task<IEnumerable<Item>> Whitelist(string sort)
    {
        if (!SortColumns.TryGetValue(sort, out var column)) column = "Id";
        return conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY {column}");
    }

    public Task<IEnumerable<Item>> Whitelist2(string sort) =>
        conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY {SortColumns[sort]}");

    public Task<IEnumerable<Item>> Quoted(string table)
    {
        return conn.QueryAsync<Item>($"SELECT * FROM {QuoteIdentifier(table)}");
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public Task<IEnumerable<Item>> Guids(List<Guid> ids) =>
        conn.QueryAsync<Item>($"SELECT * FROM Items WHERE Id IN ('{string.Join("','", ids)}')");

    public Task<IEnumerable<Item>> Replaced()
    {
        const string template = "SELECT * FROM {schema}.Items";
        return conn.QueryAsync<Item>(template.Replace("{schema}", schema));
    }

    public Task<IEnumerable<Item>> Paged(int page, int size) =>
        conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY Id OFFSET {(page - 1) * size} ROWS FETCH NEXT {size} ROWS ONLY");

    public Task<IEnumerable<Item>> Search(string term) =>
        conn.QueryAsync<Item>($"SELECT * FROM Items WHERE Name LIKE '%{term}%'");  // expect HF3001
}
