using Hotfix.Migrations.Rollback;
using Hotfix.Policy.Decisions;
using Hotfix.Migrations.Tests.Repositories;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// What the forward migration's file holds: EF Core's provider-neutral calls, the types the migration states, and
/// by-hand steps that fail until someone writes them.
/// </summary>
public class ForwardMigrationContentTests
{
    private const string EfHeader = "using Microsoft.EntityFrameworkCore.Migrations;\n\npublic partial class OrderDiscount : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n";

    private static ForwardMigration Forward(string path, string content)
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix", (path, content));
        return MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms))).Forward;
    }

    [Fact]
    public void Ef_core_undoes_with_migration_builder_calls_and_takes_a_dropped_columns_type_from_its_down()
    {
        var forward = Forward("Migrations/20261207100000_OrderDiscount.cs", EfHeader
            + "        migrationBuilder.AddColumn<int>(name: \"Discount\", table: \"Orders\", type: \"integer\", nullable: false, defaultValue: 0);\n"
            + "        migrationBuilder.CreateIndex(name: \"IX_Orders_Discount\", table: \"Orders\", column: \"Discount\");\n"
            + "        migrationBuilder.DropColumn(name: \"LegacyTotal\", table: \"Orders\");\n    }\n\n"
            + "    protected override void Down(MigrationBuilder migrationBuilder)\n    {\n"
            + "        migrationBuilder.DropIndex(name: \"IX_Orders_Discount\", table: \"Orders\");\n"
            + "        migrationBuilder.DropColumn(name: \"Discount\", table: \"Orders\");\n"
            + "        migrationBuilder.AddColumn<int>(name: \"LegacyTotal\", table: \"Orders\", type: \"integer\", nullable: true);\n    }\n}\n");

        Assert.Contains(
            "        migrationBuilder.AddColumn<int>(name: \"LegacyTotal\", table: \"Orders\", type: \"integer\", nullable: true);\n"
            + "        migrationBuilder.DropIndex(name: \"IX_Orders_Discount\", table: \"Orders\");\n"
            + "        migrationBuilder.DropColumn(name: \"Discount\", table: \"Orders\");\n",
            forward.Content);
        Assert.DoesNotContain("migrationBuilder.Sql(", forward.Content);
        Assert.Equal("add column Orders.LegacyTotal back as integer", forward.Steps[0].What);
    }

    [Fact]
    public void Ef_core_without_a_down_that_restores_the_column_throws_until_written()
    {
        var forward = Forward("Migrations/20261207100000_OrderDiscount.cs", EfHeader
            + "        migrationBuilder.RenameColumn(name: \"Note\", table: \"Orders\", newName: \"Remark\");\n"
            + "        migrationBuilder.DropColumn(name: \"LegacyTotal\", table: \"Orders\");\n    }\n}\n");

        Assert.Contains("        throw new System.NotImplementedException(@\"by hand: add column Orders.LegacyTotal back", forward.Content);
        Assert.Contains("        migrationBuilder.RenameColumn(name: \"Remark\", table: \"Orders\", newName: \"Note\");\n", forward.Content);
        Assert.DoesNotContain("AddColumn", forward.Content);
        Assert.Contains("raises an error on purpose", forward.Content);
    }

    [Fact]
    public void Rails_change_states_the_dropped_columns_type_and_names_its_index_the_rails_way()
    {
        var forward = Forward("db/migrate/20261207100000_add_discount_to_orders.rb",
            "class AddDiscountToOrders < ActiveRecord::Migration[7.1]\n  def change\n    add_column :orders, :discount, :integer, default: 0, null: false\n"
            + "    add_index :orders, :discount\n    remove_column :orders, :legacy_total, :integer\n  end\nend\n");

        Assert.Equal(["ALTER TABLE orders ADD COLUMN legacy_total integer;", "DROP INDEX index_orders_on_discount;", "ALTER TABLE orders DROP COLUMN discount;"], forward.Steps.Select(s => s.Sql));
        Assert.DoesNotContain("by hand", forward.Content);
    }

    [Fact]
    public void Rails_without_the_type_raises_until_the_column_is_written_by_hand()
    {
        var forward = Forward("db/migrate/20261207100000_drop_legacy.rb",
            "class DropLegacy < ActiveRecord::Migration[7.1]\n  def up\n    remove_column :orders, :legacy_total\n  end\n\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end\nend\n");

        Assert.Contains("    raise ActiveRecord::IrreversibleMigration, \"by hand: add column orders.legacy_total back", forward.Content);
        Assert.DoesNotContain("execute", forward.Content);
    }

    [Fact]
    public void A_by_hand_step_in_sql_raises_instead_of_being_a_comment()
    {
        var forward = Forward("src/main/resources/db/migration/V2__order_discount.sql",
            "ALTER TABLE orders ADD COLUMN discount integer;\nALTER TABLE orders DROP COLUMN legacy_total;\n");

        Assert.StartsWith("DO $$ BEGIN RAISE EXCEPTION 'by hand: add column orders.legacy_total back", forward.Content.Split('\n').First(l => !l.StartsWith("--", StringComparison.Ordinal)));
        Assert.DoesNotContain("-- by hand", forward.Content);
        Assert.EndsWith("ALTER TABLE orders DROP COLUMN discount;\n", forward.Content);
    }

    [Fact]
    public void A_django_by_hand_step_runs_python_that_raises()
    {
        using var repo = MigrationRepository.Create(("shop/migrations/__init__.py", string.Empty),
            ("shop/migrations/0001_initial.py", "from django.db import migrations, models\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [migrations.CreateModel(name=\"Order\", fields=[(\"id\", models.AutoField(primary_key=True)), (\"legacy_total\", models.IntegerField())])]\n"));
        repo.Commit("hotfix", ("shop/migrations/0002_order_discount.py",
            "from django.db import migrations, models\nclass Migration(migrations.Migration):\n    dependencies = [(\"shop\", \"0001_initial\")]\n    operations = [\n        migrations.RemoveField(model_name=\"order\", name=\"legacy_total\"),\n    ]\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms)));
        var content = entry.Forward.Content;

        Assert.Contains("def by_hand(what):\n    def run(apps, schema_editor):\n        raise NotImplementedError(what)\n", content);
        Assert.Contains("        migrations.RunPython(by_hand(\"by hand: add column shop_order.legacy_total back", content);
        Assert.DoesNotContain("RunSQL(\"-- by hand", content);

        // The app is the package that holds the migrations folder: no <app> left for the reader to fill in.
        Assert.Contains("    dependencies = [(\"shop\", \"0002_order_discount\")]\n", content);
        Assert.Equal("python manage.py migrate shop 0001_initial", entry.Rollback.Command);
        Assert.StartsWith("python manage.py makemigrations shop --empty --name undo_order_discount. Number 0003: ", entry.Forward.HowToCreate);
    }
}
