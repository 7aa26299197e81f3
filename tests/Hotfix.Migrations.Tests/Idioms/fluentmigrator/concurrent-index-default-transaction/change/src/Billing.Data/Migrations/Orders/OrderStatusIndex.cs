using FluentMigrator;
using FluentMigrator.Postgres;

namespace Billing.Data.Migrations.Orders;

[Migration(202411201000)]
public class OrderStatusIndex : Migration
{
    public override void Up()
    {
        IfDatabase(ProcessorId.SqlServer)
            .Execute.Sql("CREATE INDEX IX_orders_status ON dbo.orders (status) WITH (ONLINE = ON)");

        IfDatabase(ProcessorId.Postgres)
            .Create.Index("ix_orders_status").OnTable("orders")
            .OnColumn("status").Ascending()
            .WithOptions().AsConcurrently();

        Create.Index("ix_orders_created_at").OnTable("orders").OnColumn("created_at").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_orders_created_at").OnTable("orders");

        IfDatabase(ProcessorId.Postgres)
            .Delete.Index("ix_orders_status").OnTable("orders")
            .WithOptions().AsConcurrently();

        IfDatabase(ProcessorId.SqlServer)
            .Execute.Sql("DROP INDEX IX_orders_status ON dbo.orders");
    }
}
