namespace Shop.Migrations
{
    using System.Data.Entity.Migrations;

    public partial class ShortenNote : DbMigration
    {
        public override void Up()
        {
            AlterColumn("dbo.Orders", "Note", c => c.String(maxLength: 100));
        }

        public override void Down()
        {
            AlterColumn("dbo.Orders", "Note", c => c.String(maxLength: 500));
        }
    }
}
