namespace Shop.Migrations
{
    using System;
    using System.Data.Entity.Migrations;

    public partial class WidenCustomerColumns : DbMigration
    {
        public override void Up()
        {
            AlterColumn("dbo.Customers", "Email", c => c.String(maxLength: 320));
            AlterColumn("dbo.Customers", "Name", c => c.String(maxLength: 250));
        }

        public override void Down()
        {
        }
    }
}
