using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.DestructiveMigrationAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class DestructiveMigrationTests
{
    private const string Usings = "using Microsoft.EntityFrameworkCore.Migrations;\n\n";

    private static string Migration(string up, string down = "") => Usings + $$"""
        public partial class DropNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
        {{down}}
            }
        }
        """;

    private static DiagnosticResult At(int location) => new DiagnosticResult("HF2002", DiagnosticSeverity.Info).WithLocation(location);

    [Fact]
    public Task DropColumn_in_Up_names_the_column_the_reason_and_the_recipe() => Verify.VerifyAsync(
        Migration("""        migrationBuilder.{|#0:DropColumn|}(name: "Note", table: "Orders");""", """        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);"""),
        At(0).WithArguments(
            "DropColumn",
            "drops column Orders.Note and its data; the running version still reads and writes it",
            "Stop using the column in code (EF: remove the property; Rails: ignored_columns) and deploy that first; back the values up; drop the column in a later migration, after the stability window.",
            ""));

    [Fact]
    public Task DropTable_DropSchema_and_positional_arguments_are_reported() => Verify.VerifyAsync(Migration("""
                migrationBuilder.{|#0:DropTable|}("Invoices");
                migrationBuilder.{|#1:DropSchema|}(name: "legacy");
                migrationBuilder.{|#2:DropColumn|}("Note", "Orders", "sales");
        """), At(0), At(1), At(2));

    [Fact]
    public Task A_narrowing_type_change_is_destructive_a_widening_one_is_not() => Verify.VerifyAsync(Migration("""
                migrationBuilder.{|#0:AlterColumn|}<string>(name: "Code", table: "Orders", type: "character varying(10)", oldClrType: typeof(string), oldType: "character varying(50)");
                migrationBuilder.AlterColumn<string>(name: "Name", table: "Orders", type: "character varying(200)", oldClrType: typeof(string), oldType: "character varying(50)");
                migrationBuilder.AlterColumn<decimal>(name: "Total", table: "Orders", type: "numeric(14,2)", oldClrType: typeof(decimal), oldType: "numeric(12,2)");
        """), At(0));

    [Fact]
    public Task A_type_change_that_keeps_every_value_is_not_destructive_one_that_drops_the_time_is() => Verify.VerifyAsync(Migration("""
                migrationBuilder.AlterColumn<string>(name: "Code", table: "Orders", type: "nvarchar(max)", nullable: false, oldClrType: typeof(int), oldType: "int");
                migrationBuilder.AlterColumn<string>(name: "Ref", table: "Orders", type: "nvarchar(20)", nullable: false, oldClrType: typeof(long), oldType: "bigint");
                migrationBuilder.AlterColumn<int>(name: "Flag", table: "Orders", type: "int", nullable: false, oldClrType: typeof(bool), oldType: "bit");
                migrationBuilder.{|#0:AlterColumn|}<string>(name: "Zip", table: "Orders", type: "nvarchar(5)", nullable: false, oldClrType: typeof(int), oldType: "int");
                migrationBuilder.{|#1:AlterColumn|}<System.DateTime>(name: "PlacedAt", table: "Orders", type: "date", nullable: false, oldClrType: typeof(System.DateTime), oldType: "datetime2");
        """), At(0), At(1).WithArguments(
            "AlterColumn",
            "changes the type of Orders.PlacedAt: datetime2 -> date drops the time of day from every value",
            "Add a new column with the new type, write both columns, backfill in batches, move reads to the new column, stop writing the old one, drop it in a later migration.",
            ""));

    [Fact]
    public Task Steps_on_a_table_created_in_the_same_Up_and_additive_steps_are_not_reported() => Verify.VerifyAsync(Migration("""
                migrationBuilder.CreateTable(name: "Drafts", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.DropColumn(name: "Id", table: "Drafts");
                migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);
                migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note");
        """));

    [Fact]
    public Task A_temporary_column_added_and_dropped_by_the_same_Up_is_not_destructive() => Verify.VerifyAsync(Migration("""
                migrationBuilder.AddColumn<string>(name: "NoteCopy", table: "Orders", nullable: true);
                migrationBuilder.Sql("UPDATE \"Orders\" SET \"Note\" = trim(\"NoteCopy\") WHERE \"NoteCopy\" IS NOT NULL");
                migrationBuilder.DropColumn(name: "NoteCopy", table: "Orders");
                migrationBuilder.{|#0:DropColumn|}(name: "LegacyNote", table: "Orders");
        """), At(0));

    [Fact]
    public Task A_maxLength_only_shrink_is_a_narrowing_and_an_absent_old_length_is_unlimited() => Verify.VerifyAsync(Migration("""
                migrationBuilder.{|#0:AlterColumn|}<string>(name: "Title", table: "Posts", maxLength: 50, nullable: false, oldClrType: typeof(string), oldMaxLength: 200);
                migrationBuilder.{|#1:AlterColumn|}<string>(name: "Slug", table: "Posts", maxLength: 120, nullable: false, oldClrType: typeof(string));
                migrationBuilder.AlterColumn<string>(name: "Summary", table: "Posts", maxLength: 1000, nullable: true, oldClrType: typeof(string), oldMaxLength: 500, oldNullable: true);
                migrationBuilder.AlterColumn<string>(name: "Body", table: "Posts", nullable: true, oldClrType: typeof(string), oldMaxLength: 4000, oldNullable: true);
        """), At(0), At(1));

    [Fact]
    public Task Each_statement_of_the_SQL_given_to_Sql_is_judged_as_hotfix_check_judges_it() => Verify.VerifyAsync(Migration("""
                migrationBuilder.{|#0:Sql|}("DROP TABLE dbo.OldInvoices;");
                migrationBuilder.{|#1:Sql|}("TRUNCATE TABLE sessions");
                migrationBuilder.{|#2:Sql|}(sql: "CREATE INDEX IX_Users_Email ON Users (Email); DROP SCHEMA legacy CASCADE;", suppressTransaction: true);
                migrationBuilder.Sql("CREATE VIEW v_orders AS SELECT * FROM Orders; UPDATE Users SET Email = LOWER(Email) WHERE Email IS NOT NULL;");
        """),
        At(0).WithArguments("Sql", "drops table dbo.OldInvoices and every row in it; the running version still reads it",
            "Stop reading and writing the table in code and deploy that first; back the data up (CREATE TABLE … AS SELECT, or a dump); drop the table in a later migration, after the stability window.", ""),
        At(1), At(2));

    [Fact]
    public Task SQL_is_read_in_the_dialect_of_the_migrations_provider() => Verify.VerifyAsync(Migration("""
                migrationBuilder.AddColumn<int>(name: "Number", table: "Orders", nullable: true).Annotation("SqlServer:Identity", "1, 1");
                migrationBuilder.{|#0:Sql|}(@"ALTER TABLE [Orders] DROP COLUMN [Notes];
        GO
        UPDATE STATISTICS [Orders];");
        """) + Migration("""
                migrationBuilder.AlterDatabase().Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");
                migrationBuilder.{|#1:Sql|}(@"DO $body$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'tmp') THEN DROP TABLE tmp; END IF; END $body$;");
        """).Replace(Usings, string.Empty, StringComparison.Ordinal).Replace("class DropNote", "class DropTemp", StringComparison.Ordinal),
        At(0), At(1));

    [Fact]
    public Task SQL_that_creates_its_own_table_first_a_non_literal_and_a_Down_are_not_reported() => Verify.VerifyAsync(Migration("""
                migrationBuilder.Sql("CREATE TABLE staging (id int); INSERT INTO staging SELECT Id FROM Orders; DROP TABLE staging;");
                migrationBuilder.CreateTable(name: "Drafts", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.Sql("DROP TABLE Drafts");
                migrationBuilder.Sql(Scripts.Purge);
                migrationBuilder.Sql("-- nothing but a comment");
        """, """        migrationBuilder.Sql("DROP TABLE Reports");""") + """

        public static class Scripts
        {
            public static string Purge => System.IO.File.ReadAllText("purge.sql");
        }
        """);

    [Fact]
    public Task Dropping_in_Down_is_what_a_down_is_for() => Verify.VerifyAsync(Migration(
        """        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);""",
        """        migrationBuilder.DropColumn(name: "Note", table: "Orders");"""));

    [Fact]
    public Task A_class_that_is_not_an_EF_migration_is_not_read() => Verify.VerifyAsync(Usings + """
        public class Migration2 { }
        public class Cleanup
        {
            public void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Invoices");
        }
        """);

    [Fact]
    public Task On_a_hotfix_branch_a_destructive_step_the_hotfix_adds_is_an_error() => Verify.VerifyHotfixAsync(
        Migration("""        migrationBuilder.{|#0:DropTable|}("Invoices");"""),
        Verify.ChangedLinesOf(7),
        new DiagnosticResult("HF2002", DiagnosticSeverity.Error).WithLocation(0));

    [Fact]
    public Task Severities_are_configurable_in_editorconfig() => Verify.RunAsync(
        Migration("""        migrationBuilder.{|#0:DropTable|}("Invoices");"""),
        hotfix: null,
        editorConfig: "hotfix.HF2002.background_severity = warning\n",
        new DiagnosticResult("HF2002", DiagnosticSeverity.Warning).WithLocation(0));
}
