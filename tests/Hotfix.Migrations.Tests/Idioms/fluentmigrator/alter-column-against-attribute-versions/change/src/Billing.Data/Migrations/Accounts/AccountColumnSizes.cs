using FluentMigrator;

namespace Billing.Data.Migrations.Accounts;

[Migration(202410081000)]
public class AccountColumnSizes : ForwardOnlyMigration
{
    public override void Up()
    {
        Alter.Column("display_name").OnTable("accounts").AsString(200).NotNullable();
        Alter.Column("notes").OnTable("accounts").AsString(500).Nullable();
        Alter.Column("reference").OnTable("accounts").AsString(128);
    }
}
