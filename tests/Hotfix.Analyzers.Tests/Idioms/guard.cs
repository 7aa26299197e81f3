// Idiom corpus: HF3001: values checked against an allow-list, an identifier pattern or an enum before they are spliced in.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Data;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Dapper;

public class Item { public int Id { get; set; } }

public class Repo(IDbConnection conn)
{
    private static readonly HashSet<string> AllowedColumns = new(StringComparer.OrdinalIgnoreCase) { "Name", "CreatedAt", "Id" };
    private static readonly string[] Directions = { "ASC", "DESC" };

    public Task<IEnumerable<Item>> Sorted(string sort, string dir)
    {
        if (!AllowedColumns.Contains(sort)) throw new ArgumentException("bad sort", nameof(sort));
        if (!Directions.Contains(dir.ToUpperInvariant())) dir = "ASC";
        return conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY {sort} {dir}");
    }

    public Task<IEnumerable<Item>> Sorted2(string sort)
    {
        if (!AllowedColumns.Contains(sort))
        {
            return Task.FromResult(Enumerable.Empty<Item>());
        }
        return conn.QueryAsync<Item>("SELECT * FROM Items ORDER BY " + sort);
    }

    public Task<IEnumerable<Item>> Validated(string table)
    {
        if (!Regex.IsMatch(table, "^[A-Za-z_][A-Za-z0-9_]*$")) throw new ArgumentException("bad table");
        return conn.QueryAsync<Item>($"SELECT * FROM {table}");
    }

    public Task<IEnumerable<Item>> EnumParsed(string kind)
    {
        if (!Enum.TryParse<DayOfWeek>(kind, out var day)) throw new ArgumentException();
        return conn.QueryAsync<Item>($"SELECT * FROM Items WHERE Day = '{day}'");
    }

    // Not guarded: the check does not leave.
    public Task<IEnumerable<Item>> Unguarded(string sort)
    {
        if (!AllowedColumns.Contains(sort)) Console.WriteLine("unknown sort");
        return conn.QueryAsync<Item>($"SELECT * FROM Items ORDER BY {sort}");  // expect HF3001
    }
}
