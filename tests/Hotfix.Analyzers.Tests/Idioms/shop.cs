// Idiom corpus: A realistic ordering service: batched reads, paging, ExecuteUpdate with a filter, a bounded raw drain, per-batch saves.
using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using System.Net.Http;
using System.Net.Http.Json;

namespace Shop
{
    public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Price { get; set; } public int Stock { get; set; } public bool IsDeleted { get; set; } }
    public class Order { public int Id { get; set; } public string BuyerId { get; set; } = ""; public List<OrderLine> Lines { get; set; } = new(); public DateTime Created { get; set; } public string Status { get; set; } = "new"; }
    public class OrderLine { public int Id { get; set; } public int ProductId { get; set; } public int Quantity { get; set; } }
    public class ShopDb(DbContextOptions<ShopDb> o) : DbContext(o)
    {
        public DbSet<Product> Products => Set<Product>();
        public DbSet<Order> Orders => Set<Order>();
        protected override void OnModelCreating(ModelBuilder b) => b.Entity<Product>().HasQueryFilter(p => !p.IsDeleted);
    }
    public record PlaceOrder(List<OrderLine> Lines);

    [ApiController, Route("api/[controller]"), Authorize]
    public class OrdersController(ShopDb db, ILogger<OrdersController> log) : ControllerBase
    {
        [HttpGet]
        public async Task<IActionResult> Mine(int page = 1, int size = 20, CancellationToken ct = default)
        {
            var buyer = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var orders = await db.Orders.Where(o => o.BuyerId == buyer).OrderByDescending(o => o.Created)
                .Skip((page - 1) * size).Take(size).Include(o => o.Lines).AsNoTracking().ToListAsync(ct);
            return Ok(orders);
        }

        [HttpPost]
        public async Task<IActionResult> Place(PlaceOrder cmd, CancellationToken ct)
        {
            var ids = cmd.Lines.Select(l => l.ProductId).Distinct().ToList();
            var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var line in cmd.Lines)
            {
                if (!products.TryGetValue(line.ProductId, out var product) || product.Stock < line.Quantity)
                    return BadRequest($"product {line.ProductId} unavailable");
                product.Stock -= line.Quantity;
            }
            var order = new Order { BuyerId = User.FindFirstValue(ClaimTypes.NameIdentifier)!, Lines = cmd.Lines, Created = DateTime.UtcNow };
            db.Orders.Add(order);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Order {OrderId} placed with {Count} lines", order.Id, order.Lines.Count);
            return CreatedAtAction(nameof(Mine), new { id = order.Id }, order);
        }

        [HttpPost("{id:int}/cancel")]
        public async Task<IActionResult> Cancel(int id, CancellationToken ct)
        {
            var rows = await db.Orders.Where(o => o.Id == id && o.Status == "new")
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "cancelled"), ct);
            return rows == 0 ? NotFound() : NoContent();
        }
    }

    public class ReportRepository(IDbConnection conn)
    {
        public Task<IEnumerable<dynamic>> TopProducts(DateTime from, DateTime to, int top) =>
            conn.QueryAsync(@"SELECT TOP (@top) p.Name, SUM(l.Quantity) AS Sold
                              FROM OrderLines l JOIN Products p ON p.Id = l.ProductId JOIN Orders o ON o.Id = l.OrderId
                              WHERE o.Created BETWEEN @from AND @to GROUP BY p.Name ORDER BY Sold DESC", new { top, from, to });

        public async Task<int> Archive(DateTime before)
        {
            var total = 0;
            int n;
            do
            {
                n = await conn.ExecuteAsync("DELETE TOP (1000) FROM Orders WHERE Created < @before AND Status = 'done'", new { before });
                total += n;
            } while (n > 0);
            return total;
        }
    }

    public class StockSync(ShopDb db, IHttpClientFactory http)
    {
        public async Task Sync(CancellationToken ct)
        {
            var client = http.CreateClient("warehouse");
            var products = await db.Products.ToListAsync(ct);
            foreach (var batch in products.Chunk(100))
            {
                var response = await client.PostAsJsonAsync("stock", batch.Select(p => p.Id), ct);
                var stock = await response.Content.ReadFromJsonAsync<Dictionary<int, int>>(cancellationToken: ct);
                foreach (var p in batch) p.Stock = stock![p.Id];
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
