using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix check</c> on repositories with migrations: the demo's hotfix, every report format, the native binary.</summary>
public class MigrationCheckTests
{
    private const string Branch = "hotfix/INC-2026-0042-fix-orders";

    private static TestRepository WithDrops()
    {
        var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.Commit("Drop legacy columns",
            ("db/migrations/000011_drop.up.sql", "-- hotfix: allow HF2002 reason=\"copied to orders_backup in INC-2026-0042\"\nALTER TABLE orders DROP COLUMN legacy_note;\nALTER TABLE orders DROP COLUMN legacy_flag;\n"),
            ("db/migrations/000011_drop.down.sql", "ALTER TABLE orders ADD COLUMN legacy_flag boolean;\nALTER TABLE orders ADD COLUMN legacy_note text;\n"));
        return repo;
    }

    [Fact]
    public void The_demo_hotfix_widens_a_numeric_column_which_loses_no_data()
    {
        using var dir = new TempDirectory();
        var target = dir.Combine("demo");
        var build = ProcessRunner.Run("bash", [SourceTree.PathOf("samples", "demo", "make-demo-repo.sh"), target], dir.Path, GitCli.Environment);
        Assert.True(build.ExitCode == 0, build.ToString());
        var result = CliRun.Run(target, "check", "--format", "json");
        var report = JsonDocument.Parse(result.Out).RootElement;
        var rules = report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("HF2001", rules);
        Assert.DoesNotContain("HF2002", rules);
        Assert.DoesNotContain("HF2005", rules);
        Assert.DoesNotContain("HF2007", rules);
        var migration = Assert.Single(report.GetProperty("migrations").EnumerateArray());
        Assert.Equal("src/Orders.Api/Migrations/20260312101500_WidenOrderTotal.cs", migration.GetProperty("path").GetString());
        Assert.Equal("ef-core", migration.GetProperty("framework").GetString());
        Assert.Equal("postgresql", migration.GetProperty("database").GetString());
        var operation = Assert.Single(migration.GetProperty("operations").EnumerateArray());
        Assert.Equal("alter-column", operation.GetProperty("kind").GetString());
        Assert.Equal("Orders.Total", operation.GetProperty("object").GetString());
        Assert.Equal("none", operation.GetProperty("risk").GetString());
        Assert.Equal("inverts", migration.GetProperty("down").GetProperty("status").GetString());
        Assert.Contains("narrows Orders.Total again", migration.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public void The_frameworks_added_in_0_2_are_read_through_the_cli_and_block_on_a_destructive_step()
    {
        using var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.Commit("Drop columns in five frameworks",
            ("db/goose/00002_drop_fax.sql", "-- +goose Up\nALTER TABLE customers DROP COLUMN fax;\n-- +goose Down\nALTER TABLE customers ADD COLUMN fax text;\n"),
            ("supabase/migrations/20261110090000_drop_telex.sql", "alter table public.customers drop column telex;\n"),
            ("database/migrations/2026_11_10_090000_drop_pager.php", "<?php\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        Schema::table('customers', function (Blueprint $table) {\n            $table->dropColumn('pager');\n        });\n    }\n};\n"),
            ("src/Shop/Migrations/202611100900000_DropIcq.cs", "public partial class DropIcq : System.Data.Entity.Migrations.DbMigration\n{\n    public override void Up()\n    {\n        DropColumn(\"dbo.Customers\", \"Icq\");\n    }\n}\n"),
            ("src/Shop/Migrations/M0042_DropAim.cs", "using FluentMigrator;\n\n[Migration(42)]\npublic class M0042_DropAim : ForwardOnlyMigration\n{\n    public override void Up() => Delete.Column(\"Aim\").FromTable(\"Customers\");\n}\n"));

        var result = CliRun.Run(repo.Path, "check", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        var frameworks = report.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("framework").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ef6", "fluentmigrator", "goose", "laravel", "supabase"], frameworks);
        var destructive = report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "HF2002")
            .Select(f => f.GetProperty("path").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, destructive.Count);
    }

    [Fact]
    public void Text_shows_the_recipe_the_waiver_and_the_migrations_table()
    {
        using var repo = WithDrops();
        var result = CliRun.Run(repo.Path, "check", "--no-color");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error   HF2002  db/migrations/000011_drop.up.sql:3", result.Out);
        Assert.Contains("Safe alternative: Stop using the column in code", result.Out);
        Assert.Contains("waived (error → info) by comment in db/migrations/000011_drop.up.sql:1: copied to orders_backup in INC-2026-0042", result.Out);
        Assert.Contains("Migrations", result.Out);
        Assert.Contains("golang-migrate", result.Out);
        Assert.Contains("drop-column orders.legacy_note [destructive]", result.Out);
    }

    [Fact]
    public void Markdown_and_sarif_carry_the_recipe_the_waiver_and_the_section()
    {
        using var repo = WithDrops();
        var markdown = CliRun.Run(repo.Path, "check", "--format", "markdown");
        Assert.Contains("Safe alternative:", markdown.Out);
        Assert.Contains("### Migrations", markdown.Out);
        Assert.Contains("copied to orders\\_backup in INC-2026-0042", markdown.Out);

        var sarif = CliRun.Run(repo.Path, "check", "--format", "sarif");
        var run = JsonDocument.Parse(sarif.Out).RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "HF2002").ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("Safe alternative:", r.GetProperty("message").GetProperty("text").GetString()));
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out var s) && s.ValueKind == JsonValueKind.Array);
        Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Equal("copied to orders_backup in INC-2026-0042", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        Assert.Equal("golang-migrate", run.GetProperty("properties").GetProperty("hotfix").GetProperty("migrations")[0].GetProperty("framework").GetString());
    }

    [NativeBinaryFact]
    public void Native_binary_reads_ef_core_tsql_liquibase_and_drizzle_config_and_sees_edits_to_applied_migrations()
    {
        using var repo = TestRepository.Create();
        repo.Commit("Released",
            ("drizzle.config.ts", "export default { dialect: 'postgresql', out: './db/drizzle' };\n"),
            ("sql/V1__init.sql", "CREATE TABLE [dbo].[Orders] ([Id] int NOT NULL)\nGO\n"));
        repo.Switch(Branch, create: true);
        repo.Commit("Migrations",
            ("src/Shop/Schema/20260312101500_DropNote.cs", "using Microsoft.EntityFrameworkCore.Migrations;\n\npublic partial class DropNote : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n        migrationBuilder.DropColumn(name: \"Note\", table: \"Orders\");\n    }\n}\n"),
            ("sql/V2__note.sql", "ALTER TABLE [dbo].[Orders] ADD [Note] nvarchar(200) NULL\nCREATE INDEX [IX_Orders_Note] ON [dbo].[Orders] ([Note])\nGO\n"),
            ("sql/V1__init.sql", "CREATE TABLE [dbo].[Orders] ([Id] int NOT NULL, [Total] decimal(12,2) NULL)\nGO\n"),
            ("db/changelog/note.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n  <changeSet id=\"1\" author=\"sandro\">\n    <renameColumn tableName=\"orders\" oldColumnName=\"note\" newColumnName=\"remark\"/>\n  </changeSet>\n</databaseChangeLog>\n"),
            ("db/drizzle/0001_brave_hulk.sql", "CREATE INDEX \"orders_note_idx\" ON \"orders\" (\"note\");"));
        var result = NativeBinary.Run(repo.Path, "check", "--format", "json");
        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonDocument.Parse(result.StandardOutput).RootElement;
        var migrations = report.GetProperty("migrations").EnumerateArray().ToDictionary(m => m.GetProperty("path").GetString()!);
        Assert.Equal(["db/changelog/note.xml", "db/drizzle/0001_brave_hulk.sql", "sql/V1__init.sql", "sql/V2__note.sql", "src/Shop/Schema/20260312101500_DropNote.cs"], migrations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("drop-column", migrations["src/Shop/Schema/20260312101500_DropNote.cs"].GetProperty("operations")[0].GetProperty("kind").GetString());
        Assert.Equal("missing", migrations["src/Shop/Schema/20260312101500_DropNote.cs"].GetProperty("down").GetProperty("status").GetString());
        Assert.Equal("add-column,create-index", string.Join(",", migrations["sql/V2__note.sql"].GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("kind").GetString())));
        Assert.True(migrations["sql/V1__init.sql"].GetProperty("existedOnMain").GetBoolean());
        Assert.Equal("rename-column", migrations["db/changelog/note.xml"].GetProperty("operations")[0].GetProperty("kind").GetString());
        Assert.Equal("drizzle-kit", migrations["db/drizzle/0001_brave_hulk.sql"].GetProperty("framework").GetString());
        Assert.Equal("postgresql", migrations["db/drizzle/0001_brave_hulk.sql"].GetProperty("database").GetString());
        var rules = report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "HF2001", "HF2002", "HF2003", "HF2004", "HF2005", "HF2006" }, rules);
    }
}
