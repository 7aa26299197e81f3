namespace Shop.Api;

// Added by the hotfix and not yet committed (untracked): every line of it is a changed line.
public class ExportRetry(ShopContext db)
{
    public void MarkAll(List<Order> orders)
    {
        foreach (var order in orders)
        {
            order.Exported = true;
            db.SaveChanges(); // HF4002, escalated: the file is new
        }
    }
}
