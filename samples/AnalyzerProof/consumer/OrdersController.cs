using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Api;

[ApiController, Route("orders"), Authorize]
public class OrdersController(ShopContext db) : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(int id) => Ok(await db.Orders.FindAsync(id));

    [HttpPost("export")]
    public async Task<IActionResult> Export(int tenant)
    {
        var orders = await db.Orders.Where(o => o.TenantId == tenant && !o.Exported).ToListAsync();
        foreach (var order in orders)
        {
            order.Exported = true;
        }

        await db.SaveChangesAsync();
        return Ok(orders.Count);
    }
}
