using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Api.Migrations;

// The hotfix "cleans up" a column in the same change: destructive, and with no way back.
public partial class DropOrderNote : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Note", table: "Orders");
    }
}
