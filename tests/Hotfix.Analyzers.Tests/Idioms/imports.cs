// Idiom corpus: signed webhooks (Stripe, HMAC), a SignalR hub, reports that splice only integers, dates and generated
// placeholders, filters composed in a loop, and bulk imports that save every N items; tests of the item still count.
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Stripe
{
    public class Event { public string Type { get; set; } = ""; public object? Data { get; set; } }
    public static class EventUtility { public static Event ConstructEvent(string json, string signature, string secret) => new(); }
    public class StripeException : Exception { }
}

namespace Audit
{
    public class Order { public int Id { get; set; } public string Status { get; set; } = ""; public string BuyerId { get; set; } = ""; public decimal Total { get; set; } public DateTime Created { get; set; } }
    public class Payment { public int Id { get; set; } public string ExternalId { get; set; } = ""; public int OrderId { get; set; } }
    public class AppDb(DbContextOptions<AppDb> o) : DbContext(o)
    {
        public DbSet<Order> Orders => Set<Order>();
        public DbSet<Payment> Payments => Set<Payment>();
    }
    public class StripeOptions { public string WebhookSecret { get; set; } = ""; }

    // Stripe webhook: anonymous by necessity, authenticated by its signature.
    [ApiController, Route("webhooks/stripe")]
    public class StripeWebhookController(AppDb db, IOptions<StripeOptions> options) : ControllerBase
    {
        [HttpPost, AllowAnonymous]
        public async Task<IActionResult> Receive(CancellationToken ct)
        {
            var json = await new StreamReader(HttpContext.Request.Body).ReadToEndAsync(ct);
            Stripe.Event stripeEvent;
            try
            {
                stripeEvent = Stripe.EventUtility.ConstructEvent(json, Request.Headers["Stripe-Signature"]!, options.Value.WebhookSecret);
            }
            catch (Stripe.StripeException)
            {
                return BadRequest();
            }

            if (stripeEvent.Type == "payment_intent.succeeded")
            {
                db.Payments.Add(new Payment { ExternalId = "pi" });
                await db.SaveChangesAsync(ct);
            }

            return Ok();
        }
    }

    // GitHub-style HMAC webhook.
    [ApiController, Route("webhooks/github")]
    public class GitHubWebhookController(AppDb db, IOptions<StripeOptions> options) : ControllerBase
    {
        [HttpPost]
        public async Task<IActionResult> Push(CancellationToken ct)
        {
            using var reader = new StreamReader(Request.Body);
            var body = await reader.ReadToEndAsync(ct);
            var signature = Request.Headers["X-Hub-Signature-256"].ToString();
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(options.Value.WebhookSecret));
            var expected = "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature)))
            {
                return Unauthorized();
            }

            db.Orders.Add(new Order { Status = "sync" });
            await db.SaveChangesAsync(ct);
            return Ok();
        }
    }

    [Authorize]
    public class ChatHub(AppDb db) : Hub
    {
        public async Task Send(string message)
        {
            db.Orders.Add(new Order { Status = message });
            await db.SaveChangesAsync();
            await Clients.All.SendAsync("message", message);
        }
    }

    [ApiController, Route("api/reports"), Authorize]
    public class ReportsController(AppDb db, IDbConnection connection) : ControllerBase
    {
        // Task.WhenAll then .Result: the tasks have completed.
        [HttpGet("summary")]
        public async Task<IActionResult> Summary(CancellationToken ct)
        {
            var countTask = db.Orders.CountAsync(ct);
            var totalTask = connection.ExecuteScalarAsync<decimal>("SELECT SUM(Total) FROM Orders");
            await Task.WhenAll(countTask, totalTask);
            return Ok(new { count = countTask.Result, total = totalTask.Result });
        }

        // Paging with integers spliced in: an int cannot carry SQL.
        [HttpGet("page")]
        public async Task<IActionResult> Page(int page, int size, CancellationToken ct)
        {
            var offset = (page - 1) * size;
            var rows = await connection.QueryAsync<Order>($"SELECT * FROM Orders ORDER BY Created DESC LIMIT {size} OFFSET {offset}");
            return Ok(rows);
        }

        // IN list of generated placeholders, values passed as parameters.
        [HttpPost("by-ids")]
        public async Task<IActionResult> ByIds([FromBody] List<int> ids)
        {
            var parameters = new DynamicParameters();
            var names = new List<string>();
            for (var i = 0; i < ids.Count; i++)
            {
                names.Add("@id" + i);
                parameters.Add("id" + i, ids[i]);
            }

            var sql = "SELECT * FROM Orders WHERE Id IN (" + string.Join(", ", names) + ")";
            return Ok(await connection.QueryAsync<Order>(sql, parameters));
        }

        [HttpPost("by-ids2")]
        public async Task<IActionResult> ByIds2([FromBody] int[] ids)
        {
            var placeholders = string.Join(",", ids.Select((_, i) => $"@p{i}"));
            var args = new DynamicParameters();
            for (var i = 0; i < ids.Length; i++) args.Add($"p{i}", ids[i]);
            return Ok(await connection.QueryAsync<Order>($"SELECT * FROM Orders WHERE Id IN ({placeholders})", args));
        }

        // Guid and DateTime values spliced in.
        [HttpGet("since")]
        public IActionResult Since(DateTime since, Guid tenant)
        {
            var rows = db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Created > '{since:yyyy-MM-dd}' AND Tenant = '{tenant}'").ToList();
            return Ok(rows);
        }

        // Filters composed in a loop, executed once after it.
        [HttpGet("search")]
        public async Task<IActionResult> Search([FromQuery] string[] statuses, CancellationToken ct)
        {
            IQueryable<Order> query = db.Orders;
            foreach (var status in statuses)
            {
                var s = status;
                query = query.Where(o => o.Status != s);
            }

            return Ok(await query.ToListAsync(ct));
        }

        // Conditional SQL built from constants with StringBuilder.
        [HttpGet("filter")]
        public async Task<IActionResult> Filter(string? status, DateTime? from)
        {
            var sql = new StringBuilder("SELECT * FROM Orders WHERE 1 = 1");
            if (status is not null) sql.Append(" AND Status = @status");
            if (from is not null) sql.Append(" AND Created >= @from");
            sql.Append(" ORDER BY Created DESC");
            return Ok(await connection.QueryAsync<Order>(sql.ToString(), new { status, from }));
        }
    }

    public class ImportService(AppDb db, ILogger<ImportService> log)
    {
        // Per-chunk save: deliberate batching.
        public async Task ImportAsync(IReadOnlyList<Order> orders, CancellationToken ct)
        {
            foreach (var chunk in orders.Chunk(500))
            {
                db.Orders.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        public async Task ImportBatchedAsync(IReadOnlyList<Order> orders, CancellationToken ct)
        {
            var count = 0;
            foreach (var order in orders)
            {
                db.Orders.Add(order);
                if (++count % 1000 == 0)
                {
                    await db.SaveChangesAsync(ct);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        public void ContinueWithResult(Task<int> t)
        {
            t.ContinueWith(done => log.LogInformation("{Count}", done.Result), TaskScheduler.Default);
        }
    }
}
namespace Audit2
{
    using Audit;
    public class BatchShapes(AppDb db)
    {
        private const int BatchSize = 200;
        private readonly List<Order> pending = new();

        public async Task Buffer(IEnumerable<Order> orders)
        {
            var buffer = new List<Order>();
            foreach (var o in orders)
            {
                buffer.Add(o);
                if (buffer.Count >= BatchSize)
                {
                    db.Orders.AddRange(buffer);
                    await db.SaveChangesAsync();
                    buffer.Clear();
                }
            }
        }

        public async Task FieldBuffer(IEnumerable<Order> orders)
        {
            foreach (var o in orders)
            {
                pending.Add(o);
                if (pending.Count == BatchSize) { db.AddRange(pending); await db.SaveChangesAsync(); pending.Clear(); }
            }
        }

        public async Task ForIndex(IReadOnlyList<Order> orders)
        {
            for (var i = 0; i < orders.Count; i++)
            {
                db.Add(orders[i]);
                if (i % 100 == 0) await db.SaveChangesAsync();
            }
        }

        // Still per item: tests of the item, a threshold never reset, an id parity.
        public async Task PerItem1(IEnumerable<Order> orders)
        {
            foreach (var o in orders)
            {
                if (o.Total >= 100) await db.SaveChangesAsync();  // expect HF4002
            }
        }

        public async Task PerItem2(IEnumerable<int> ids)
        {
            foreach (var id in ids)
            {
                if (id % 2 == 0) await db.Orders.FindAsync(id);  // expect HF4001
            }
        }

        public async Task PerItem3(IEnumerable<Order> orders)
        {
            var count = 0;
            foreach (var o in orders)
            {
                count++;
                if (count >= 10) await db.SaveChangesAsync();  // expect HF4002
            }
        }

        public async Task PerItem4(IEnumerable<List<Order>> groups)
        {
            foreach (var g in groups)
            {
                if (g.Count >= 10) await db.SaveChangesAsync();  // expect HF4002
            }
        }
    }
}
