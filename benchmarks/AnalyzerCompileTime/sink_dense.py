"""The sink-dense shape of the analyzer benchmark: a legacy data-access layer of EF Core and ADO.NET code.

Per module i (500 modules -> 2,000 .cs files) four store classes, each with exactly two raw-SQL sinks fed by SQL built
from a non-constant value — concatenation, interpolation, string.Format, string.Concat, StringBuilder, `+=`, through
locals or written in place — so HF3001 reports two findings per file (4,000). Around them the code such a layer has:
LINQ queries, async methods, ADO.NET readers, parameterised commands run in loops (HF4001), synchronous EF calls in
async methods (HF4003). It is the shape on which the cost of a rule must not grow with its findings: every file is
full of sinks, and every sink is a finding.
"""
import os


def generate(src, modules):
    def write(name, text):
        with open(os.path.join(src, name), "w") as f:
            f.write(text)

    write("LegacyContext.cs", """using Microsoft.EntityFrameworkCore;

namespace Dense;

public partial class LegacyContext(DbContextOptions<LegacyContext> options) : DbContext(options)
{
}
""")

    for i in range(modules):
        write(f"OrderQueries{i}.cs", f"""using Microsoft.EntityFrameworkCore;

namespace Dense;

public class Order{i}
{{
    public int Id {{ get; set; }}
    public int TenantId {{ get; set; }}
    public string Customer {{ get; set; }} = "";
    public string Status {{ get; set; }} = "";
    public decimal Total {{ get; set; }}
}}

public partial class LegacyContext
{{
    public DbSet<Order{i}> Orders{i} => Set<Order{i}>();
}}

public class OrderQueries{i}(LegacyContext db)
{{
    public List<Order{i}> ByCustomer(string customer, string orderBy)
    {{
        var sql = "SELECT * FROM Orders{i} WHERE Customer = '" + customer + "' ORDER BY " + orderBy;
        return db.Orders{i}.FromSqlRaw(sql).AsNoTracking().ToList();
    }}

    public Task<int> SetStatusAsync(int tenant, string status, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"UPDATE Orders{i} SET Status = '{{status}}' WHERE TenantId = {{tenant}}", ct);

    public Task<List<Order{i}>> OpenAsync(int tenant, CancellationToken ct) =>
        db.Orders{i}.Where(o => o.TenantId == tenant && o.Status == "open").OrderBy(o => o.Id).ToListAsync(ct);

    public Task<decimal> TotalAsync(int tenant) => db.Orders{i}.Where(o => o.TenantId == tenant).SumAsync(o => o.Total);

    public Task<Order{i}?> FindAsync(int id, CancellationToken ct) => db.Orders{i}.FirstOrDefaultAsync(o => o.Id == id, ct);
}}
""")
        write(f"OrderCommands{i}.cs", f"""using System.Data;
using System.Data.Common;
using System.Text;

namespace Dense;

public class OrderCommands{i}(DbConnection connection)
{{
    public int Archive(string customer, IReadOnlyList<string> statuses)
    {{
        var where = new StringBuilder("WHERE Customer = '").Append(customer).Append('\\'');
        foreach (var status in statuses)
        {{
            where.Append(" OR Status = '").Append(status).Append('\\'');
        }}

        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Orders{i} SET Archived = 1 " + where.ToString();
        return command.ExecuteNonQuery();
    }}

    public int Rename(string from, string to)
    {{
        using var command = connection.CreateCommand();
        command.CommandText = string.Format("UPDATE Orders{i} SET Customer = '{{0}}' WHERE Customer = '{{1}}'", to, from);
        return command.ExecuteNonQuery();
    }}

    public int Touch(IEnumerable<int> ids)
    {{
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Orders{i} SET UpdatedAt = CURRENT_TIMESTAMP WHERE Id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        command.Parameters.Add(parameter);
        var changed = 0;
        foreach (var id in ids)
        {{
            parameter.Value = id;
            changed += command.ExecuteNonQuery();
        }}

        return changed;
    }}
}}
""")
        write(f"OrderReader{i}.cs", f"""using System.Data;
using System.Data.Common;

namespace Dense;

public class OrderReader{i}(DbConnection connection)
{{
    public async Task<List<string>> CustomersAsync(string region, string? status, CancellationToken ct)
    {{
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Customer FROM Orders{i} WHERE Region = '{{region}}'";
        if (status != null)
        {{
            command.CommandText += " AND Status = '" + status + "'";
        }}

        var customers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {{
            customers.Add(reader.GetString(0));
        }}

        return customers;
    }}

    public async Task<long> CountAsync(int tenant, CancellationToken ct)
    {{
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Orders{i} WHERE TenantId = @tenant";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@tenant";
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
        var count = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt64(count);
    }}

    public async Task<int> PurgeAsync(DateTime before, CancellationToken ct)
    {{
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM Orders{i} WHERE CreatedAt < @before AND Archived = 1";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@before";
        parameter.Value = before;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync(ct);
    }}
}}
""")
        write(f"OrderReports{i}.cs", f"""using Microsoft.EntityFrameworkCore;

namespace Dense;

public class OrderReports{i}(LegacyContext db)
{{
    public List<Order{i}> Top(string column, int count) =>
        db.Orders{i}.FromSqlRaw(string.Concat("SELECT TOP ", count.ToString(), " * FROM Orders{i} ORDER BY ", column, " DESC")).ToList();

    public IQueryable<decimal> Totals(string groupBy) =>
        db.Database.SqlQueryRaw<decimal>("SELECT SUM(Total) AS Value FROM Orders{i} GROUP BY " + groupBy);

    public async Task<int> CloseAsync(IEnumerable<int> ids)
    {{
        foreach (var id in ids)
        {{
            var order = db.Orders{i}.Find(id);
            if (order != null)
            {{
                order.Status = "closed";
            }}
        }}

        return await db.SaveChangesAsync();
    }}

    public async Task<int> ReopenAsync(int tenant)
    {{
        var orders = await db.Orders{i}.Where(o => o.TenantId == tenant && o.Status == "closed").ToListAsync();
        foreach (var order in orders)
        {{
            order.Status = "open";
        }}

        return db.SaveChanges();
    }}
}}
""")

    print(f"generated {modules * 4 + 1} files in {src} (sink-dense: {modules * 8} raw-SQL sinks, all built from non-constant values)")
