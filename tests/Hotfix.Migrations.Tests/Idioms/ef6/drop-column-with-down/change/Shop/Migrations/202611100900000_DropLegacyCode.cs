namespace Shop.Migrations
{
    using System;
    using System.Data.Entity.Migrations;

    public partial class DropLegacyCode : DbMigration
    {
        public override void Up()
        {
            DropColumn("dbo.Orders", "LegacyCode");
            AddColumn("dbo.Orders", "Note", c => c.String(maxLength: 500));
        }

        public override void Down()
        {
            AddColumn("dbo.Orders", "LegacyCode", c => c.String(maxLength: 20));
            DropColumn("dbo.Orders", "Note");
        }
    }
}
