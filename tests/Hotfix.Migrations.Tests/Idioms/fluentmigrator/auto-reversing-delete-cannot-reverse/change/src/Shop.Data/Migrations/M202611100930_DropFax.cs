using FluentMigrator;

namespace Shop.Data.Migrations
{
    [Migration(202611100930)]
    public class M202611100930_DropFax : AutoReversingMigration
    {
        public override void Up()
        {
            Delete.Column("Fax").Column("Telex").FromTable("Customers");
        }
    }
}
