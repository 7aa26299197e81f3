using Hotfix.Git;
using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// The migration the rollback command goes back to, read from real repositories: Django's dependency on its own app,
/// EF Core's migration id before it in its folder — and the placeholder, with its reason, where the repository cannot say.
/// </summary>
public class PreviousMigrationTests
{
    private const string DjangoAddField = "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n\n    dependencies = [\n{0}    ]\n\n    operations = [\n        migrations.AddField(model_name=\"order\", name=\"discount\", field=models.IntegerField(null=True)),\n    ]\n";

    private static string Django(params string[] dependencies) =>
        DjangoAddField.Replace("{0}", string.Concat(dependencies.Select(d => $"        {d},\n")), StringComparison.Ordinal);

    [Fact]
    public void Django_goes_back_to_its_dependency_on_its_own_app_not_another_apps()
    {
        using var repo = MigrationRepository.Create(
            ("shop/migrations/__init__.py", string.Empty),
            ("shop/migrations/0001_initial.py", Django()),
            ("shop/migrations/0002_order_total.py", Django("(\"shop\", \"0001_initial\")")));
        // The dependency on auth comes first and sorts last: only the one on shop is the migration before it.
        repo.Commit("hotfix", ("shop/migrations/0003_order_discount.py", Django("(\"auth\", \"0012_alter_user_first_name_max_length\")", "(\"shop\", \"0002_order_total\")", "# (\"shop\", \"0001_initial\")")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("python manage.py migrate shop 0002_order_total", entry.Rollback.Command);
        Assert.EndsWith("`0002_order_total`: the migration before it, from its dependency on its own app, (\"shop\", \"0002_order_total\").", entry.Rollback.Summary);
    }

    [Fact]
    public void Django_first_migration_of_its_app_goes_back_to_zero_even_when_it_depends_on_another_app()
    {
        using var repo = MigrationRepository.Create(("shop/migrations/__init__.py", string.Empty));
        repo.Commit("hotfix", ("shop/migrations/0001_initial.py", Django("(\"auth\", \"0012_alter_user_first_name_max_length\")")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("python manage.py migrate shop zero", entry.Rollback.Command);
        Assert.Contains("its dependencies name no earlier migration of shop", entry.Rollback.Summary);
    }

    [Fact]
    public void Django_merge_migration_keeps_the_placeholder_and_names_both_candidates()
    {
        using var repo = MigrationRepository.Create(
            ("shop/migrations/0001_initial.py", Django()),
            ("shop/migrations/0002_order_total.py", Django("(\"shop\", \"0001_initial\")")),
            ("shop/migrations/0002_order_note.py", Django("(\"shop\", \"0001_initial\")")));
        repo.Commit("hotfix", ("shop/migrations/0003_merge_discount.py", Django("(\"shop\", \"0002_order_total\")", "(\"shop\", \"0002_order_note\")")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("python manage.py migrate shop <the migration before this one>", entry.Rollback.Command);
        Assert.EndsWith("The migration before it stays a placeholder: it depends on 2 migrations of shop (0002_order_total, 0002_order_note): migrate back to the one that should stay.", entry.Rollback.Summary);
    }

    [Fact]
    public void Django_dependency_on_its_own_folder_under_another_label_is_not_taken_for_zero()
    {
        using var repo = MigrationRepository.Create(("shop/migrations/0001_initial.py", Django()));
        repo.Commit("hotfix", ("shop/migrations/0002_order_discount.py", Django("(\"shop_core\", \"0001_initial\")")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("python manage.py migrate shop <the migration before this one>", entry.Rollback.Command);
        Assert.Contains("a migration of its own folder under another label: the app label may not be shop", entry.Rollback.Summary);
    }

    [Fact]
    public void Ef_core_goes_back_to_the_migration_id_before_it_in_its_folder()
    {
        using var repo = MigrationRepository.Create(
            ("src/Shop/Migrations/20240110090000_Init.cs", EfMigration("Init")),
            ("src/Shop/Migrations/20240110090000_Init.Designer.cs", "[Migration(\"20240110090000_Init\")]\npartial class Init { }\n"),
            // A migration whose file was renamed: its id is in its designer's attribute, and it is the latest before the hotfix.
            ("src/Shop/Migrations/OrderNote.cs", EfMigration("OrderNote")),
            ("src/Shop/Migrations/OrderNote.Designer.cs", "[Migration(\"20240402080000_OrderNote\")]\npartial class OrderNote { }\n"),
            ("src/Shop/Migrations/20240301120000_OrderTotal.cs", EfMigration("OrderTotal")),
            ("src/Shop/Migrations/ShopContextModelSnapshot.cs", "[DbContext(typeof(ShopContext))]\npartial class ShopContextModelSnapshot { }\n"),
            // Another context's folder: its later migration is not this one's history.
            ("src/Billing/Migrations/20260101000000_Invoices.cs", EfMigration("Invoices")));
        repo.Commit("hotfix", ("src/Shop/Migrations/20260324120000_AddDiscount.cs", EfMigration("AddDiscount")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms, m => m.Path.EndsWith("AddDiscount.cs", StringComparison.Ordinal))));

        Assert.Equal("dotnet ef database update 20240402080000_OrderNote", entry.Rollback.Command);
        Assert.Contains("`20240402080000_OrderNote`: the migration id before 20260324120000_AddDiscount in src/Shop/Migrations/ at ", entry.Rollback.Summary);
    }

    [Fact]
    public void Ef_core_first_migration_goes_back_to_0()
    {
        using var repo = MigrationRepository.Create(("src/Shop/Migrations/ShopContextModelSnapshot.cs", "partial class ShopContextModelSnapshot { }\n"));
        repo.Commit("hotfix", ("src/Shop/Migrations/20260324120000_AddDiscount.cs", EfMigration("AddDiscount")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("dotnet ef database update 0", entry.Rollback.Command);
        Assert.Contains("`0`: 20260324120000_AddDiscount has the lowest migration id in src/Shop/Migrations/", entry.Rollback.Summary);
    }

    [Fact]
    public void Without_a_listing_of_the_repository_ef_core_keeps_the_placeholder_and_says_why()
    {
        using var repo = MigrationRepository.Create(("src/Shop/Migrations/20240110090000_Init.cs", EfMigration("Init")));
        repo.Commit("hotfix", ("src/Shop/Migrations/20260324120000_AddDiscount.cs", EfMigration("AddDiscount")));
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);

        var entry = MigrationRollbackPlanner.Entry(Assert.Single(MigrationFact.From(changes, null).Migrations));

        Assert.Equal("dotnet ef database update <the migration before this one>", entry.Rollback.Command);
        Assert.EndsWith("The migration before it stays a placeholder: src/Shop/Migrations/ could not be listed (the host gave Hotfix no repository reader).", entry.Rollback.Summary);
    }

    [Fact]
    public void Entity_framework_6_goes_back_to_the_migration_id_before_it_from_file_names_and_designers()
    {
        using var repo = MigrationRepository.Create(
            ("Shop/Migrations/202401100900000_Init.cs", Ef6Migration("Init")),
            // A renamed file: its id is the designer's IMigrationMetadata.Id, and it is the latest before the hotfix.
            ("Shop/Migrations/OrderNote.cs", Ef6Migration("OrderNote")),
            ("Shop/Migrations/OrderNote.Designer.cs", "public sealed partial class OrderNote : IMigrationMetadata\n{\n    string IMigrationMetadata.Id\n    {\n        get { return \"202404020800000_OrderNote\"; }\n    }\n}\n"),
            ("Shop/Migrations/Configuration.cs", "internal sealed class Configuration : DbMigrationsConfiguration<ShopContext> { }\n"));
        repo.Commit("hotfix", ("Shop/Migrations/202612010800000_DropFax.cs", Ef6Migration("DropFax")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms, m => m.Path.EndsWith("DropFax.cs", StringComparison.Ordinal))));

        Assert.Equal("Update-Database -TargetMigration 202404020800000_OrderNote", entry.Rollback.Command);
        Assert.Contains("`202404020800000_OrderNote`: the migration id before 202612010800000_DropFax in Shop/Migrations/ at ", entry.Rollback.Summary);
        Assert.Contains("(Entity Framework 6 applies migrations in id order).", entry.Rollback.Summary);
    }

    [Fact]
    public void Entity_framework_6_first_migration_goes_back_to_the_initial_database()
    {
        using var repo = MigrationRepository.Create(("Shop/Migrations/Configuration.cs", "internal sealed class Configuration : DbMigrationsConfiguration<ShopContext> { }\n"));
        repo.Commit("hotfix", ("Shop/Migrations/202612010800000_DropFax.cs", Ef6Migration("DropFax")));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));

        Assert.Equal("Update-Database -TargetMigration $InitialDatabase", entry.Rollback.Command);
        Assert.Contains("`$InitialDatabase`: 202612010800000_DropFax has the lowest migration id in Shop/Migrations/", entry.Rollback.Summary);
    }

    internal static string Ef6Migration(string name) =>
        $"namespace Shop.Migrations\n{{\n    using System.Data.Entity.Migrations;\n\n    public partial class {name} : DbMigration\n    {{\n        public override void Up()\n        {{\n            AddColumn(\"dbo.Customers\", \"{name}\", c => c.String(maxLength: 30));\n        }}\n\n        public override void Down()\n        {{\n            DropColumn(\"dbo.Customers\", \"{name}\");\n        }}\n    }}\n}}\n";

    internal static string EfMigration(string name) =>
        $"using Microsoft.EntityFrameworkCore.Migrations;\n\npublic partial class {name} : Migration\n{{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {{\n        migrationBuilder.AddColumn<int>(name: \"{name}\", table: \"Orders\", nullable: true);\n    }}\n\n    protected override void Down(MigrationBuilder migrationBuilder)\n    {{\n        migrationBuilder.DropColumn(name: \"{name}\", table: \"Orders\");\n    }}\n}}\n";
}
