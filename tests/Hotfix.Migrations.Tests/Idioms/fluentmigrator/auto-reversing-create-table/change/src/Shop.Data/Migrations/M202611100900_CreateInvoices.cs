using FluentMigrator;

namespace Shop.Data.Migrations;

[Migration(202611100900, "Invoices")]
public class M202611100900_CreateInvoices : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("Invoices")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("OrderId").AsInt64().NotNullable()
            .WithColumn("Number").AsString(32).NotNullable().Unique()
            .WithColumn("Total").AsDecimal(18, 2).NotNullable()
            .WithColumn("IssuedOn").AsDateTime2().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime);

        Create.Index("IX_Invoices_OrderId").OnTable("Invoices").OnColumn("OrderId").Ascending();

        Create.ForeignKey("FK_Invoices_Orders").FromTable("Invoices").ForeignColumn("OrderId").ToTable("Orders").PrimaryColumn("Id");

        Alter.Table("Orders").AddColumn("InvoicedOn").AsDateTime2().Nullable();
    }
}
