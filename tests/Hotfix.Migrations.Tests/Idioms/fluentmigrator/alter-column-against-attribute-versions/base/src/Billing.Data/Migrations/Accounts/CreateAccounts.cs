using FluentMigrator;

namespace Billing.Data.Migrations.Accounts;

[Migration(202401150900, "Create accounts")]
public class CreateAccounts : Migration
{
    public override void Up()
    {
        Create.Table("accounts")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("email").AsString(200).NotNullable().Unique()
            .WithColumn("display_name").AsString(100).NotNullable()
            .WithColumn("notes").AsString(1000).Nullable();
    }

    public override void Down()
    {
        Delete.Table("accounts");
    }
}
