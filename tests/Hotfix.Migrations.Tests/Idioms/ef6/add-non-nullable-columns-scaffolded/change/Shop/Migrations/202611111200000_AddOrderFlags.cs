namespace Shop.Migrations
{
    using System;
    using System.Data.Entity.Migrations;

    public partial class AddOrderFlags : DbMigration
    {
        public override void Up()
        {
            AddColumn("dbo.Orders", "Status", c => c.Int(nullable: false));
            AddColumn("dbo.Orders", "IsGift", c => c.Boolean(nullable: false));
            AddColumn("dbo.Orders", "ShippedAt", c => c.DateTime(nullable: false));
            AddColumn("dbo.Orders", "RowVersion", c => c.Binary(nullable: false, fixedLength: true, timestamp: true, storeType: "rowversion"));
            AddColumn("dbo.Orders", "GiftNote", c => c.String(maxLength: 200));
        }

        public override void Down()
        {
            DropColumn("dbo.Orders", "GiftNote");
            DropColumn("dbo.Orders", "RowVersion");
            DropColumn("dbo.Orders", "ShippedAt");
            DropColumn("dbo.Orders", "IsGift");
            DropColumn("dbo.Orders", "Status");
        }
    }
}
