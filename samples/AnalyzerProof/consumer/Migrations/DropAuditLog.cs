using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Api.Migrations;

// An applied migration from long ago: it dropped a table on purpose. Outside a hotfix's lines the analyzers leave
// it at suggestion level, so it never shows up as build noise.
public partial class DropAuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditLog");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditLog",
            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));
    }
}
