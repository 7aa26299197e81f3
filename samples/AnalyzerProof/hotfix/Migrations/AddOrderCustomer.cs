using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Api.Migrations;

// The hotfix links orders to customers: a foreign key with no index, so deleting a customer scans Orders (HF4004).
public partial class AddOrderCustomer : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "CustomerId", table: "Orders", nullable: true);
        migrationBuilder.AddForeignKey(
            name: "FK_Orders_Customers_CustomerId",
            table: "Orders",
            column: "CustomerId",
            principalTable: "Customers",
            principalColumn: "Id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(name: "FK_Orders_Customers_CustomerId", table: "Orders");
        migrationBuilder.DropColumn(name: "CustomerId", table: "Orders");
    }
}
