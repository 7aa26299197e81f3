using FluentMigrator;

namespace Billing.Data.Migrations.Payments;

[Migration(2024_03_01_1200)]
public class AddAccountReference : Migration
{
    public override void Up()
    {
        Alter.Table("accounts")
            .AddColumn("reference").AsString(64).Nullable();
    }

    public override void Down()
    {
        Delete.Column("reference").FromTable("accounts");
    }
}
