using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Data.Migrations
{
    public partial class OrderIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id);");

            migrationBuilder.Sql(
                "CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status);",
                suppressTransaction: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_region",
                table: "orders",
                column: "region")
                .Annotation("Npgsql:CreatedConcurrently", true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_orders_region", table: "orders");
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY ix_orders_status;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX ix_orders_customer_id;");
        }
    }
}
