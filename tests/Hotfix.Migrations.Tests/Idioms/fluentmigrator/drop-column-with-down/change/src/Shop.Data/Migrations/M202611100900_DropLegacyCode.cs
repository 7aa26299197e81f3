using FluentMigrator;

namespace Shop.Data.Migrations
{
    [Migration(202611100900)]
    public class M202611100900_DropLegacyCode : Migration
    {
        public override void Up()
        {
            Delete.Column("LegacyCode").FromTable("Orders");
            Alter.Table("Orders").AddColumn("Note").AsString(500).Nullable();
        }

        public override void Down()
        {
            Delete.Column("Note").FromTable("Orders");
            Alter.Table("Orders").AddColumn("LegacyCode").AsString(20).Nullable();
        }
    }
}
