using System.Text.Json;
using Hotfix.Policy.Decisions;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary><c>hotfix rollback-migration</c> on real repositories whose hotfix adds migrations.</summary>
public class RollbackMigrationCommandTests
{
    private const string Branch = "hotfix/INC-2026-0042-order-discount";

    /// <summary>A drizzle-kit project whose hotfix adds 0002 (a column and an index) and 0003 (a table).</summary>
    private static TestRepository Drizzle()
    {
        var repo = TestRepository.Create();
        repo.Commit("Released",
            ("drizzle.config.ts", "export default { dialect: 'postgresql', out: './drizzle' };\n"),
            ("drizzle/0001_init.sql", "CREATE TABLE \"orders\" (\"id\" serial PRIMARY KEY, \"total\" numeric(12,2));\n"),
            ("drizzle/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[{\"idx\":1,\"tag\":\"0001_init\"}]}\n"));
        repo.Switch(Branch, create: true);
        repo.Commit("Order discounts",
            ("drizzle/0002_order_discount.sql", "ALTER TABLE \"orders\" ADD COLUMN \"discount\" numeric(12,2);\n--> statement-breakpoint\nCREATE INDEX \"orders_discount_idx\" ON \"orders\" (\"discount\");\n"),
            ("drizzle/0003_discount_audit.sql", "CREATE TABLE \"discount_audit\" (\"id\" serial PRIMARY KEY, \"order_id\" integer);\n"),
            ("drizzle/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[{\"idx\":1,\"tag\":\"0001_init\"},{\"idx\":2,\"tag\":\"0002_order_discount\"},{\"idx\":3,\"tag\":\"0003_discount_audit\"}]}\n"));
        return repo;
    }

    [Fact]
    public void Drizzle_plan_names_what_drop_removes_and_writes_the_forward_sql_newest_first()
    {
        using var repo = Drizzle();
        var head = repo.Head;
        var status = repo.Git("status", "--porcelain");

        var result = CliRun.Run(repo.Path, "rollback-migration", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var plan = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(Branch, plan.GetProperty("branch").GetString());
        Assert.Contains("TOOL: rollback database migration — RUN: npx drizzle-kit drop (CAUTION: verify what will be dropped)", plan.GetProperty("runbookLines").EnumerateArray().Select(l => l.GetString()));
        var migrations = plan.GetProperty("migrations");
        Assert.Equal(["drizzle/0003_discount_audit.sql", "drizzle/0002_order_discount.sql"], migrations.EnumerateArray().Select(m => m.GetProperty("path").GetString()));

        var discount = migrations[1];
        var rollback = discount.GetProperty("rollback");
        Assert.Equal("npx drizzle-kit drop", rollback.GetProperty("command").GetString());
        Assert.Equal(
            ["the file drizzle/0002_order_discount.sql", "the entry \"tag\": \"0002_order_discount\" of drizzle/meta/_journal.json", "the snapshot drizzle/meta/0002_snapshot.json"],
            rollback.GetProperty("removes").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("It runs no SQL", rollback.GetProperty("summary").GetString());

        var forward = discount.GetProperty("forward");
        Assert.Equal("drizzle/0005_undo_order_discount.sql", forward.GetProperty("suggestedPath").GetString());
        Assert.Equal("drizzle/0004_undo_discount_audit.sql", migrations[0].GetProperty("forward").GetProperty("suggestedPath").GetString());
        Assert.StartsWith("npx drizzle-kit generate --custom --name=undo_order_discount", forward.GetProperty("howToCreate").GetString());
        var sql = forward.GetProperty("content").GetString()!;
        Assert.EndsWith("DROP INDEX orders_discount_idx;\n--> statement-breakpoint\nALTER TABLE orders DROP COLUMN discount;\n", sql);
        var steps = forward.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("dataLoss").ValueKind);
        Assert.Equal("every value written to orders.discount since the hotfix", steps[1].GetProperty("dataLoss").GetString());
        Assert.Contains("every row written to discount_audit since the hotfix", migrations[0].GetProperty("forward").GetProperty("content").GetString());

        // Read-only: the repository is exactly as it was.
        Assert.Equal((head, status), (repo.Head, repo.Git("status", "--porcelain")));
        Assert.True(File.Exists(Path.Combine(repo.Path, "drizzle", "0002_order_discount.sql")));
    }

    [Fact]
    public void The_text_plan_undoes_the_newest_migration_first_and_quotes_the_runbook()
    {
        using var repo = Drizzle();
        var text = CliRun.Run(repo.Path, "rollback-migration").Out;
        Assert.True(text.IndexOf("DROP TABLE discount_audit;", StringComparison.Ordinal) < text.IndexOf("DROP INDEX orders_discount_idx;", StringComparison.Ordinal), text);
        Assert.Contains("removes the entry \"tag\": \"0003_discount_audit\" of drizzle/meta/_journal.json", text);
        Assert.Contains("NOTE: prefer forward migration that undoes the change over destructive rollback", text);
    }

    [Fact]
    public void A_down_that_drops_data_is_shown_step_by_step_with_what_it_loses()
    {
        using var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.Commit("Discount column",
            ("db/migrations/000012_discount.up.sql", "ALTER TABLE orders ADD COLUMN discount numeric(12,2);\n"),
            ("db/migrations/000012_discount.down.sql", "ALTER TABLE orders DROP COLUMN discount;\n"));

        var result = CliRun.Run(repo.Path, "rollback-migration", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var m = JsonDocument.Parse(result.Out).RootElement.GetProperty("migrations")[0];
        Assert.Equal("golang-migrate", m.GetProperty("framework").GetString());
        var rollback = m.GetProperty("rollback");
        Assert.Equal("migrate down 1", rollback.GetProperty("command").GetString());
        var step = rollback.GetProperty("steps")[0];
        Assert.Equal("every value in orders.discount", step.GetProperty("dataLoss").GetString());
        Assert.Contains("1 step(s) lose data", rollback.GetProperty("summary").GetString());
        Assert.Equal("db/migrations/000013_undo_discount.up.sql", m.GetProperty("forward").GetProperty("suggestedPath").GetString());
    }

    [Fact]
    public void Django_plan_names_the_migration_to_go_back_to_and_the_next_number_with_where_each_came_from()
    {
        const string addField = "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n\n    dependencies = [\n        (\"auth\", \"0012_alter_user_first_name_max_length\"),\n        (\"shop\", \"{0}\"),\n    ]\n\n    operations = [\n        migrations.AddField(model_name=\"order\", name=\"{1}\", field=models.IntegerField(null=True)),\n    ]\n";
        using var repo = TestRepository.Create();
        repo.Commit("Released",
            ("shop/migrations/__init__.py", string.Empty),
            ("shop/migrations/0001_initial.py", "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    operations = []\n"),
            ("shop/migrations/0002_order_total.py", string.Format(System.Globalization.CultureInfo.InvariantCulture, addField, "0001_initial", "total")));
        repo.Switch(Branch, create: true);
        repo.Commit("Order discount", ("shop/migrations/0003_order_discount.py", string.Format(System.Globalization.CultureInfo.InvariantCulture, addField, "0002_order_total", "discount")));

        var result = CliRun.Run(repo.Path, "rollback-migration");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("python manage.py migrate shop 0002_order_total", result.Out);
        Assert.Contains("from its dependency on its own app, (\"shop\", \"0002_order_total\")", result.Out);
        Assert.Contains("shop/migrations/0004_undo_order_discount.py", result.Out);
        Assert.Contains("Number 0004: the highest number in shop/migrations/ at " + repo.Head[..7] + " is 0003 (shop/migrations/0003_order_discount.py)", result.Out);
        Assert.DoesNotContain("<next number>", result.Out);
        Assert.DoesNotContain("<the migration before this one>", result.Out);
    }

    [Fact]
    public void Rails_forward_migration_is_a_rails_migration_and_a_dropped_column_is_not_guessed()
    {
        using var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.Commit("Drop legacy",
            ("db/migrate/20260324120000_drop_legacy.rb", "class DropLegacy < ActiveRecord::Migration[7.1]\n  def change\n    remove_column :orders, :legacy_total\n  end\nend\n"));

        var m = JsonDocument.Parse(CliRun.Run(repo.Path, "rollback-migration", "--format", "json").Out).RootElement.GetProperty("migrations")[0];

        Assert.Equal("bin/rails db:migrate:down VERSION=20260324120000", m.GetProperty("rollback").GetProperty("command").GetString());
        var forward = m.GetProperty("forward");
        Assert.StartsWith("bin/rails generate migration UndoDropLegacy", forward.GetProperty("howToCreate").GetString());
        var content = forward.GetProperty("content").GetString()!;
        Assert.Contains("class UndoDropLegacy < ActiveRecord::Migration[7.1]", content);
        // A step that cannot be written out fails until someone writes it: a comment would let the migration "succeed".
        Assert.Contains("raise ActiveRecord::IrreversibleMigration, \"by hand: add column orders.legacy_total back — its type is not in the migration", content);
        Assert.Contains("restore them from a backup", forward.GetProperty("steps")[0].GetProperty("dataLoss").GetString());
    }

    [Fact]
    public void A_hotfix_without_migrations_has_nothing_to_roll_back_and_markdown_works()
    {
        using var repo = TestRepository.Create();
        repo.Switch(Branch, create: true);
        repo.Commit("Fix rounding", ("src/orders.ts", "export const round = (x: number) => Math.round(x * 100) / 100;\n"));

        var result = CliRun.Run(repo.Path, "rollback-migration", "--format", "markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("The hotfix has no migrations", result.Out);
        Assert.Contains("# Rolling back the migrations of " + Branch, result.Out);
    }

    [Fact]
    public void A_branch_that_does_not_exist_is_bad_input()
    {
        using var repo = Drizzle();
        var result = CliRun.Run(repo.Path, "rollback-migration", "--branch", "hotfix/nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--branch 'hotfix/nope': no local branch", result.Error);
    }

    [Fact]
    public void Without_main_the_migrations_cannot_be_read_and_it_exits_3()
    {
        using var repo = Drizzle();
        repo.Git("branch", "-m", "main", "trunk");

        var result = CliRun.Run(repo.Path, "rollback-migration");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("the hotfix's migrations could not be read: the base branch 'main' exists neither locally nor as origin/main", result.Error);
        Assert.Contains("State: nothing was changed", result.Error);
    }

    [Fact]
    public void A_host_plans_through_the_engine_exactly_what_the_command_prints()
    {
        using var repo = Drizzle();
        using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().AddMigrations().Build();

        var plan = hotfix.PlanMigrationRollback();

        Assert.Equal(["drizzle/0003_discount_audit.sql", "drizzle/0002_order_discount.sql"], plan.Migrations.Select(m => m.Path));
        Assert.Equal(CliRun.Run(repo.Path, "rollback-migration", "--format", "json").Out.TrimEnd(), HotfixEngine.Render(plan, ReportFormat.Json).TrimEnd());

        using var withoutMigrations = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();
        Assert.Contains("AddMigrations()", Assert.Throws<HotfixConfigurationException>(() => withoutMigrations.PlanMigrationRollback()).Message);
    }
}
