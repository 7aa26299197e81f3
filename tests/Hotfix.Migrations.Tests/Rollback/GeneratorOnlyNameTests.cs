using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// Where only the framework's generator can make the new migration (EF Core, EF6, Prisma), the plan keeps the
/// timestamp a placeholder, says why and prints the generator command with the migration's name — while a framework
/// stamped the same way whose file stands alone (Rails) gets its name.
/// </summary>
public class GeneratorOnlyNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 53, 41, TimeSpan.Zero);

    private static MigrationRollbackEntry Plan((string, string?)[] main, params (string, string?)[] hotfix)
    {
        using var repo = MigrationRepository.Create(main);
        repo.Commit("hotfix", hotfix);
        return MigrationRepository.WithMigrations(repo, ms =>
        {
            var migration = Assert.Single(ms);
            return MigrationRollbackPlanner.Entry(migration, NextMigrationNumbers.Assign([migration], Now)[0]);
        });
    }

    [Fact]
    public void Ef_core_keeps_the_timestamp_for_dotnet_ef_which_writes_the_designer_and_the_snapshot()
    {
        var entry = Plan(
            [("src/Shop/Migrations/20240110090000_Init.cs", PreviousMigrationTests.EfMigration("Init"))],
            ("src/Shop/Migrations/20261201080000_AddDiscount.cs", PreviousMigrationTests.EfMigration("AddDiscount")));

        Assert.Equal("src/Shop/Migrations/<timestamp>_UndoAddDiscount.cs", entry.Forward.SuggestedPath);
        Assert.StartsWith("dotnet ef migrations add UndoAddDiscount. The timestamp stays a placeholder: `dotnet ef migrations add` stamps the migration id with the UTC time it runs", entry.Forward.HowToCreate);
        Assert.Contains(".Designer.cs ([DbContext], [Migration(\"…\")]) and the model snapshot", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Entity_framework_6_keeps_the_timestamp_for_add_migration_which_writes_the_designer_and_the_model_resource()
    {
        var entry = Plan([], ("Shop/Migrations/202612010800000_DropFax.cs", PreviousMigrationTests.Ef6Migration("DropFax")));

        Assert.Equal("Shop/Migrations/<timestamp>_UndoDropFax.cs", entry.Forward.SuggestedPath);
        Assert.StartsWith("Add-Migration UndoDropFax. The timestamp stays a placeholder: `Add-Migration` stamps the migration id (yyyyMMddHHmmssf, UTC)", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Prisma_keeps_the_timestamp_for_migrate_dev_and_names_the_folder_after_the_migrations_folder()
    {
        var entry = Plan(
            [("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n"), ("prisma/migrations/20240110090000_init/migration.sql", "CREATE TABLE \"Order\" (\"id\" INTEGER NOT NULL);\n")],
            ("prisma/migrations/20261201080000_add_note/migration.sql", "ALTER TABLE \"Order\" ADD COLUMN \"note\" TEXT;\n"));

        Assert.Equal("prisma/migrations/<timestamp>_undo_add_note/migration.sql", entry.Forward.SuggestedPath);
        Assert.StartsWith("npx prisma migrate dev --create-only --name undo_add_note (after changing schema.prisma back)", entry.Forward.HowToCreate);
        Assert.EndsWith("The timestamp stays a placeholder: `prisma migrate dev --create-only` names the folder with the UTC time it runs and writes it from schema.prisma; a folder made by hand leaves schema.prisma declaring what the migration undoes, and the next `migrate dev` would put it back.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Rails_stamped_the_same_way_gets_its_name_because_its_file_stands_alone()
    {
        var entry = Plan([], ("db/migrate/20261201080000_add_note_to_orders.rb", RailsFixtures.Change));

        Assert.Equal("db/migrate/20261207215341_undo_add_note_to_orders.rb", entry.Forward.SuggestedPath);
    }
}
