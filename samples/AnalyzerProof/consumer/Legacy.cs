using Microsoft.EntityFrameworkCore;

namespace Shop.Api;

// Old code the hotfix does not touch: its findings stay at the background level.
public class LegacyReports(ShopContext db)
{
    public List<Order> Search(string customer) =>
        db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Customer = '" + customer + "'").ToList(); // HF3001

    public void Archive(List<Order> orders)
    {
        foreach (var order in orders)
        {
            order.Exported = true;
            db.SaveChanges(); // HF4002
        }
    }

    public int CountAllTenants() => db.Orders.IgnoreQueryFilters().Count(); // HF3003 (suggestion)
}
