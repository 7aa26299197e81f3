namespace Shop.Migrations
{
    using System.Data.Entity.Migrations;

    public partial class OrderIndexes : DbMigration
    {
        public override void Up()
        {
            Sql("CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id)");
            Sql("CREATE INDEX CONCURRENTLY ix_orders_placed_at ON orders (placed_at)", suppressTransaction: true);
            Sql("CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)", true);
        }

        public override void Down()
        {
            Sql("DROP INDEX CONCURRENTLY ix_orders_status", true);
            Sql("DROP INDEX CONCURRENTLY ix_orders_placed_at", suppressTransaction: true);
            Sql("DROP INDEX CONCURRENTLY ix_orders_customer_id");
        }
    }
}
