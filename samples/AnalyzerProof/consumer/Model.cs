using Microsoft.EntityFrameworkCore;

namespace Shop.Api;

public class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int TenantId { get; set; }
    public decimal Total { get; set; }
    public bool Exported { get; set; }
}

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();
}
