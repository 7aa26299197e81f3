using FluentMigrator;

namespace Shop.Data.Migrations
{
    [Migration(202611101000)]
    public class M202611101000_ClearSessions : ForwardOnlyMigration
    {
        public override void Up()
        {
            Delete.FromTable("Sessions").AllRows();
            Update.Table("Orders").Set(new { Status = "archived" }).Where(new { Status = "stale" });
            Execute.Sql("DELETE FROM AuditLog WHERE CreatedOn < DATEADD(year, -2, GETUTCDATE())");
        }
    }
}
