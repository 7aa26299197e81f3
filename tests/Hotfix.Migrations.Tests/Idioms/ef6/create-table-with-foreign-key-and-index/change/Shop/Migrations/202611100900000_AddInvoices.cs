namespace Shop.Migrations
{
    using System;
    using System.Data.Entity.Migrations;

    public partial class AddInvoices : DbMigration
    {
        public override void Up()
        {
            CreateTable(
                "dbo.Invoices",
                c => new
                    {
                        Id = c.Int(nullable: false, identity: true),
                        OrderId = c.Int(nullable: false),
                        Number = c.String(nullable: false, maxLength: 32),
                        Total = c.Decimal(nullable: false, precision: 18, scale: 2),
                    })
                .PrimaryKey(t => t.Id)
                .ForeignKey("dbo.Orders", t => t.OrderId, cascadeDelete: true)
                .Index(t => t.OrderId);

            AddColumn("dbo.Orders", "InvoicedOn", c => c.DateTime());
        }

        public override void Down()
        {
            DropForeignKey("dbo.Invoices", "OrderId", "dbo.Orders");
            DropIndex("dbo.Invoices", new[] { "OrderId" });
            DropColumn("dbo.Orders", "InvoicedOn");
            DropTable("dbo.Invoices");
        }
    }
}
