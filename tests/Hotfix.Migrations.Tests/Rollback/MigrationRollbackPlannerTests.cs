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

        var entry = MigrationRollbackPlanner.Entry(MigrationRepository.Single(repo), "0008");

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

        var entry = MigrationRollbackPlanner.Entry(MigrationRepository.Single(repo));

        Assert.Equal("dotnet ef database update <the migration before this one>", entry.Rollback.Command);
        Assert.Equal("every value in Orders.Discount", Assert.Single(entry.Rollback.Steps).DataLoss);
        Assert.Contains("public partial class UndoAddDiscount : Migration", entry.Forward.Content);
        Assert.Contains("migrationBuilder.Sql(@\"ALTER TABLE Orders DROP COLUMN Discount;\");", entry.Forward.Content);
        Assert.Equal("dotnet ef migrations add UndoAddDiscount", entry.Forward.HowToCreate);
    }

    [Fact]
    public void A_missing_down_says_the_rollback_cannot_undo_it()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", ("db/migrations/000003_discount.up.sql", "ALTER TABLE orders ADD COLUMN discount integer;\n"));

        var entry = MigrationRollbackPlanner.Entry(MigrationRepository.Single(repo));

        Assert.Contains("its down is missing", entry.Rollback.Summary);
        Assert.Contains("the forward migration is the way back", entry.Rollback.Summary);
    }
}
