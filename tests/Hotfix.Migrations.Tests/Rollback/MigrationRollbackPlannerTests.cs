using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>The plan for one migration read from a real repository, per framework.</summary>
public class MigrationRollbackPlannerTests
{
    [Fact]
    public void Drizzle_drop_removes_the_file_journal_entry_and_snapshot_and_runs_no_sql()
    {
        using var repo = MigrationRepository.Create(("drizzle.config.ts", "export default { dialect: 'postgresql', out: './db' };\n"));
        repo.Commit("hotfix", ("db/0007_discount.sql", "ALTER TABLE \"orders\" ADD COLUMN \"discount\" integer;\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal(("drizzle-kit", "npx drizzle-kit drop"), (entry.Framework, entry.Rollback.Command));
        Assert.Equal(["the file db/0007_discount.sql", "the entry \"tag\": \"0007_discount\" of db/meta/_journal.json", "the snapshot db/meta/0007_snapshot.json"], entry.Rollback.Removes);
        Assert.Empty(entry.Rollback.Steps);
        Assert.Equal("db/0008_undo_discount.sql", entry.Forward.SuggestedPath);
        Assert.EndsWith("ALTER TABLE orders DROP COLUMN discount;\n", entry.Forward.Content);
    }

    [Fact]
    public void An_ef_core_forward_migration_is_an_ef_core_migration()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("src/Shop/Migrations/20260324120000_AddDiscount.cs",
            "using Microsoft.EntityFrameworkCore.Migrations;\n\npublic partial class AddDiscount : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n        migrationBuilder.AddColumn<decimal>(name: \"Discount\", table: \"Orders\", nullable: true);\n    }\n\n    protected override void Down(MigrationBuilder migrationBuilder)\n    {\n        migrationBuilder.DropColumn(name: \"Discount\", table: \"Orders\");\n    }\n}\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("dotnet ef database update 0", entry.Rollback.Command);
        Assert.Equal("every value in Orders.Discount", Assert.Single(entry.Rollback.Steps).DataLoss);
        Assert.Contains("public partial class UndoAddDiscount : Migration", entry.Forward.Content);
        Assert.Contains("migrationBuilder.DropColumn(name: \"Discount\", table: \"Orders\");", entry.Forward.Content);
        Assert.StartsWith("dotnet ef migrations add UndoAddDiscount. The timestamp stays a placeholder: ", entry.Forward.HowToCreate);
    }

    [Fact]
    public void A_missing_down_says_the_rollback_cannot_undo_it()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("db/migrations/000003_discount.up.sql", "ALTER TABLE orders ADD COLUMN discount integer;\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Contains("its down is missing", entry.Rollback.Summary);
        Assert.Contains("the forward migration is the way back", entry.Rollback.Summary);
    }

    [Fact]
    public void A_goose_rollback_runs_its_down_section_and_the_forward_migration_is_a_goose_file()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("db/migrations/00003_discount.sql",
            "-- +goose Up\nALTER TABLE orders ADD COLUMN discount integer;\n\n-- +goose Down\nALTER TABLE orders DROP COLUMN discount;\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal(("goose", "goose -dir db/migrations <driver> <dsn> down"), (entry.Framework, entry.Rollback.Command));
        Assert.Equal("every value in orders.discount", Assert.Single(entry.Rollback.Steps).DataLoss);
        Assert.Equal("db/migrations/00004_undo_discount.sql", entry.Forward.SuggestedPath);
        Assert.StartsWith("-- +goose Up\n", entry.Forward.Content);
        Assert.Contains("ALTER TABLE orders DROP COLUMN discount;\n-- +goose StatementEnd\n\n-- +goose Down\n", entry.Forward.Content);
    }

    [Theory]
    [InlineData("supabase/migrations/20261110090000_discount.sql", null, "supabase", "supabase migration new undo_discount")]
    [InlineData("migrations/20261110090000_discount.sql", "migrations/atlas.sum", "atlas", "atlas migrate new undo_discount --dir file://migrations, then put this SQL in it and run `atlas migrate hash`")]
    public void Frameworks_without_downs_get_a_forward_migration_of_their_own(string path, string? companion, string framework, string howToCreate)
    {
        using var repo = companion is null ? MigrationRepository.Create() : MigrationRepository.Create((companion, "h1:abc=\n"));
        repo.Commit("hotfix", (path, "ALTER TABLE orders ADD COLUMN discount integer;\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal(framework, entry.Framework);
        Assert.Empty(entry.Rollback.Steps);
        Assert.Equal(howToCreate, entry.Forward.HowToCreate);
        Assert.EndsWith("ALTER TABLE orders DROP COLUMN discount;\n", entry.Forward.Content);
    }

    [Fact]
    public void Dotnet_frameworks_roll_back_with_their_own_tools_and_go_forward_in_their_own_classes()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("Shop/Migrations/M0042_Discount.cs",
            "using FluentMigrator;\n\n[Migration(42)]\npublic class M0042_Discount : Migration\n{\n    public override void Up() => Alter.Table(\"Orders\").AddColumn(\"Discount\").AsInt32().Nullable();\n\n    public override void Down() => Delete.Column(\"Discount\").FromTable(\"Orders\");\n}\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("fluentmigrator", entry.Framework);
        Assert.StartsWith("dotnet fm rollback", entry.Rollback.Command);
        Assert.Equal("every value in Orders.Discount", Assert.Single(entry.Rollback.Steps).DataLoss);
        Assert.Contains("[Migration(43)]\npublic class UndoM0042Discount : Migration", entry.Forward.Content);
        Assert.Contains("Execute.Sql(@\"ALTER TABLE Orders DROP COLUMN Discount;\");", entry.Forward.Content);
    }

    [Fact]
    public void A_laravel_rollback_names_its_file_and_the_forward_migration_is_a_laravel_class()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("database/migrations/2026_11_10_090000_add_discount.php",
            "<?php\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        Schema::table('orders', function (Blueprint $table) {\n            $table->integer('discount')->nullable();\n        });\n    }\n\n    public function down(): void\n    {\n        Schema::table('orders', function (Blueprint $table) {\n            $table->dropColumn('discount');\n        });\n    }\n};\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal(("laravel", "php artisan migrate:rollback --path=database/migrations/2026_11_10_090000_add_discount.php"), (entry.Framework, entry.Rollback.Command));
        Assert.Equal("every value in orders.discount", Assert.Single(entry.Rollback.Steps).DataLoss);
        Assert.StartsWith("php artisan make:migration undo_add_discount. Number ", entry.Forward.HowToCreate);
        Assert.Contains("        DB::statement('ALTER TABLE orders DROP COLUMN discount;');\n", entry.Forward.Content);
    }
}
