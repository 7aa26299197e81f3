using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.MissingForeignKeyIndexAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class MissingForeignKeyIndexTests
{
    private const string Usings = "using Microsoft.EntityFrameworkCore.Migrations;\n\n";

    private static string Migration(string up, string name = "OrderCustomer") => $$"""
        public partial class {{name}} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }

        """;

    private const string AddForeignKey = """
                migrationBuilder.AddColumn<int>(name: "CustomerId", table: "Orders", nullable: true);
                migrationBuilder.{|#0:AddForeignKey|}(name: "FK_Orders_Customers_CustomerId", table: "Orders", column: "CustomerId", principalTable: "Customers", principalColumn: "Id");
        """;

    private static DiagnosticResult At(int location) => new DiagnosticResult("HF4004", DiagnosticSeverity.Info).WithLocation(location);

    [Fact]
    public Task AddForeignKey_without_CreateIndex_names_the_key_and_gives_the_CreateIndex_to_add() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey),
        At(0).WithArguments(
            "AddForeignKey",
            "Orders.CustomerId -> Customers",
            "CustomerId",
            "the provider is not known, and PostgreSQL, SQL Server, SQLite and Oracle do not index a foreign key themselves (MySQL/MariaDB do), so every join and every delete of a parent row scans Orders.",
            "migrationBuilder.CreateIndex(name: \"IX_Orders_CustomerId\", table: \"Orders\", column: \"CustomerId\").Annotation(\"Npgsql:CreatedConcurrently\", true); (in a migration of its own, with the transaction suppressed; on SQL Server, .Annotation(\"SqlServer:Online\", true))",
            ""));

    [Fact]
    public Task The_index_EF_scaffolds_with_the_key_silences_it_in_the_same_or_another_migration() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal)) +
        Migration("""        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId_Date", table: "Orders", columns: new[] { "CustomerId", "Date" });""", "IndexOrderCustomer"));

    private static string Designer(string id, string name) => $$"""
        [Microsoft.EntityFrameworkCore.Migrations.Migration("{{id}}")]
        partial class {{name}}
        {
        }

        """;

    [Fact]
    public Task An_index_follows_the_column_and_the_table_a_later_migration_renames() => Verify.VerifyFilesAsync(
    [
        Usings + Migration("""
                migrationBuilder.DropForeignKey(name: "FK_Orders_Users_UserId", table: "Orders");
                migrationBuilder.RenameColumn(name: "UserId", table: "Orders", newName: "BuyerId");
                migrationBuilder.RenameIndex(name: "IX_Orders_UserId", table: "Orders", newName: "IX_Orders_BuyerId");
                migrationBuilder.RenameTable(name: "Orders", newName: "Purchases");
                migrationBuilder.AddForeignKey(name: "FK_Purchases_Users_BuyerId", table: "Purchases", column: "BuyerId", principalTable: "Users", principalColumn: "Id");
        """, "RenameBuyer") + Designer("20260402000000_RenameBuyer", "RenameBuyer"),
        Usings + Migration("""
                migrationBuilder.AddColumn<int>(name: "UserId", table: "Orders", nullable: true);
                migrationBuilder.CreateIndex(name: "IX_Orders_UserId", table: "Orders", column: "UserId");
                migrationBuilder.AddForeignKey(name: "FK_Orders_Users_UserId", table: "Orders", column: "UserId", principalTable: "Users", principalColumn: "Id");
        """, "OrderUser") + Designer("20260301000000_OrderUser", "OrderUser"),
    ]);

    [Fact]
    public Task Migrations_are_read_in_their_run_order_so_a_later_drop_removes_the_index() => Verify.VerifyFilesAsync(
    [
        Usings + Migration("""        migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");""", "DropCustomerIndex") +
            Designer("20260501000000_DropCustomerIndex", "DropCustomerIndex"),
        Usings + Migration("""
                migrationBuilder.AddColumn<int>(name: "CustomerId", table: "Orders", nullable: true);
                migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
        """, "CustomerColumn") + Designer("20260301000000_CustomerColumn", "CustomerColumn"),
        Usings + Migration("""        migrationBuilder.{|#0:AddForeignKey|}(name: "FK_Orders_Customers_CustomerId", table: "Orders", column: "CustomerId", principalTable: "Customers", principalColumn: "Id");""", "CustomerKey") +
            Designer("20260601000000_CustomerKey", "CustomerKey"),
    ], At(0));

    [Fact]
    public Task An_index_whose_leading_column_is_another_does_not_serve_the_key() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey + "\n" + """        migrationBuilder.CreateIndex(name: "IX_Orders_Date_CustomerId", table: "Orders", columns: new[] { "Date", "CustomerId" });"""),
        At(0));

    [Fact]
    public Task A_key_declared_in_CreateTable_is_reported_at_its_ForeignKey_call_and_the_primary_key_serves_its_leading_column() => Verify.VerifyAsync(Usings + Migration("""
                migrationBuilder.CreateTable(
                    name: "OrderTags",
                    columns: table => new
                    {
                        OrderId = table.Column<int>(nullable: false),
                        TagId = table.Column<int>(name: "tag_id", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_OrderTags", x => new { x.OrderId, x.TagId });
                        table.ForeignKey(name: "FK_OrderTags_Orders_OrderId", column: x => x.OrderId, principalTable: "Orders", principalColumn: "Id");
                        table.{|#0:ForeignKey|}(name: "FK_OrderTags_Tags_TagId", column: x => x.TagId, principalTable: "Tags", principalColumn: "Id");
                    });
        """), At(0));

    [Fact]
    public Task An_index_created_with_raw_SQL_naming_the_table_and_column_counts() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal) + "\n" +
            """        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_CustomerId\" ON \"Orders\" (\"CustomerId\");", suppressTransaction: true);"""));

    [Fact]
    public Task Raw_SQL_indexes_are_read_as_hotfix_check_reads_them_leading_column_and_drops_included() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey + "\n" +
            """        migrationBuilder.Sql("CREATE INDEX \"IX_Orders_Date_CustomerId\" ON \"Orders\" (\"Date\", \"CustomerId\");");""") +
        Migration("""
                migrationBuilder.AddColumn<int>(name: "ShipperId", table: "Orders", nullable: true);
                migrationBuilder.Sql("CREATE INDEX \"IX_Orders_ShipperId\" ON \"Orders\" (\"ShipperId\");");
                migrationBuilder.Sql("DROP INDEX \"IX_Orders_ShipperId\";");
                migrationBuilder.{|#1:AddForeignKey|}(name: "FK_Orders_Shippers_ShipperId", table: "Orders", column: "ShipperId", principalTable: "Shippers", principalColumn: "Id");
        """, "OrderShipper"),
        At(0), At(1));

    [Fact]
    public Task On_MySQL_the_database_indexes_the_key_itself() => Verify.VerifyAsync(
        Usings + Migration(AddForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal) + "\n" +
            """        migrationBuilder.AlterDatabase().Annotation("MySql:CharSet", "utf8mb4");"""));

    [Fact]
    public Task On_a_hotfix_branch_a_key_the_hotfix_adds_is_an_error() => Verify.VerifyHotfixAsync(
        Usings + Migration(AddForeignKey),
        Verify.ChangedLinesOf(8),
        new DiagnosticResult("HF4004", DiagnosticSeverity.Error).WithLocation(0));

    [Fact]
    public Task Severities_are_configurable_in_editorconfig() => Verify.RunAsync(
        Usings + Migration(AddForeignKey),
        hotfix: null,
        editorConfig: "hotfix.HF4004.background_severity = warning\n",
        new DiagnosticResult("HF4004", DiagnosticSeverity.Warning).WithLocation(0));
}
