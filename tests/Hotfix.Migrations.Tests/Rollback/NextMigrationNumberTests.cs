using Hotfix.Git;
using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// The number of the forward migration, from the listing of the migration's folder in a real repository: the highest
/// + 1 in its width (gaps are not filled), a timestamp after the last one, and the placeholder with its reason where
/// the listing cannot decide.
/// </summary>
public class NextMigrationNumberTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 53, 41, TimeSpan.Zero);

    private const string DjangoAddField = "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n\n    dependencies = [(\"shop\", \"0002_order_total\")]\n\n    operations = [\n        migrations.AddField(model_name=\"order\", name=\"discount\", field=models.IntegerField(null=True)),\n    ]\n";

    private const string AddColumn = "ALTER TABLE orders ADD COLUMN discount integer;\n";

    private static MigrationRollbackEntry Plan(DetectedMigration migration, DateTimeOffset? now = null) =>
        MigrationRollbackPlanner.Entry(migration, NextMigrationNumbers.Assign([migration], now ?? Now)[0]);

    [Fact]
    public void Django_takes_the_highest_number_of_its_folder_plus_one_zero_padded_and_leaves_gaps_alone()
    {
        using var repo = MigrationRepository.Create(
            ("shop/migrations/__init__.py", string.Empty),
            ("shop/migrations/0001_initial.py", DjangoAddField),
            ("shop/migrations/0002_order_total.py", DjangoAddField),
            ("shop/migrations/0007_order_note.py", DjangoAddField),      // 0003–0006 were squashed away: the gap stays
            ("billing/migrations/0042_invoice.py", DjangoAddField));    // another app's numbers are its own
        repo.Commit("hotfix", ("shop/migrations/0008_order_discount.py", DjangoAddField));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("shop/migrations/0009_undo_order_discount.py", entry.Forward.SuggestedPath);
        Assert.Contains("Number 0009: the highest number in shop/migrations/ at ", entry.Forward.HowToCreate);
        Assert.EndsWith(" is 0008 (shop/migrations/0008_order_discount.py); + 1, 4 digits wide.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Without_a_listing_of_the_repository_the_number_stays_a_placeholder_and_says_why()
    {
        using var repo = MigrationRepository.Create(("shop/migrations/0001_initial.py", DjangoAddField));
        repo.Commit("hotfix", ("shop/migrations/0002_order_discount.py", DjangoAddField));
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);

        var entry = Plan(Assert.Single(MigrationFact.From(changes, null).Migrations));

        Assert.Equal("shop/migrations/<next number>_undo_order_discount.py", entry.Forward.SuggestedPath);
        Assert.EndsWith("The number stays a placeholder: shop/migrations/ could not be listed (the host gave Hotfix no repository reader).", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Numbered_sql_keeps_the_width_of_its_names_after_a_gap()
    {
        using var repo = MigrationRepository.Create(
            ("db/migrations/001_init.sql", "CREATE TABLE orders (id integer PRIMARY KEY);\n"),
            ("db/migrations/002_total.sql", "ALTER TABLE orders ADD COLUMN total integer;\n"),
            ("db/migrations/005_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"));
        repo.Commit("hotfix", ("db/migrations/006_discount.sql", AddColumn));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("db/migrations/007_undo_discount.sql", entry.Forward.SuggestedPath);
    }

    [Fact]
    public void Numbered_sql_whose_names_mix_widths_so_the_next_would_not_sort_last_keeps_the_placeholder()
    {
        // 10_ already sorts before 9_ by name: 11_ would too, so a runner that goes by name would not apply it last.
        using var repo = MigrationRepository.Create(
            ("db/migrations/8_total.sql", "ALTER TABLE orders ADD COLUMN total integer;\n"),
            ("db/migrations/9_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"));
        repo.Commit("hotfix", ("db/migrations/10_discount.sql", AddColumn));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("db/migrations/<next number>_undo_discount.sql", entry.Forward.SuggestedPath);
        Assert.Contains("The number stays a placeholder: after the highest number in db/migrations/ at ", entry.Forward.HowToCreate);
        Assert.EndsWith("10 (db/migrations/10_discount.sql), 11 would still sort before 8_total.sql by name (the file names mix 1, 2-digit numbers; this follows the highest): name the file so the runner applies it last.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Mixed_widths_that_still_sort_follow_the_highest()
    {
        using var repo = MigrationRepository.Create(("shop/migrations/01_initial.py", DjangoAddField));
        repo.Commit("hotfix", ("shop/migrations/0002_order_discount.py", DjangoAddField));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("shop/migrations/0003_undo_order_discount.py", entry.Forward.SuggestedPath);
        Assert.Contains("(the file names mix 2, 4-digit numbers; this follows the highest)", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Golang_migrate_with_timestamp_versions_takes_the_current_utc_time_when_it_sorts_after_the_last()
    {
        using var repo = MigrationRepository.Create(
            ("db/migrations/20240110090000_init.up.sql", "CREATE TABLE orders (id integer PRIMARY KEY);\n"),
            ("db/migrations/20240110090000_init.down.sql", "DROP TABLE orders;\n"));
        repo.Commit("hotfix",
            ("db/migrations/20261201080000_discount.up.sql", AddColumn),
            ("db/migrations/20261201080000_discount.down.sql", "ALTER TABLE orders DROP COLUMN discount;\n"));
        var (framework, entry) = MigrationRepository.WithMigrations(repo, ms => (Assert.Single(ms).Framework, Plan(ms[0])));

        Assert.Equal(MigrationFramework.GolangMigrate, framework);

        Assert.Equal("db/migrations/20261207215341_undo_discount.up.sql", entry.Forward.SuggestedPath);
        Assert.Contains("Number 20261207215341: the current UTC time as yyyyMMddHHmmss, which sorts after the last version in db/migrations/ at ", entry.Forward.HowToCreate);
    }

    [Fact]
    public void A_timestamp_version_after_the_current_time_is_followed_by_the_last_plus_one()
    {
        using var repo = MigrationRepository.Create();
        repo.Commit("hotfix",
            ("db/migrations/20301201080000_discount.up.sql", AddColumn),
            ("db/migrations/20301201080000_discount.down.sql", "ALTER TABLE orders DROP COLUMN discount;\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("db/migrations/20301201080001_undo_discount.up.sql", entry.Forward.SuggestedPath);
        Assert.Contains("(db/migrations/20301201080000_discount.up.sql), + 1 — the current UTC time 20261207215341 does not sort after it.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Golang_migrate_sequence_numbers_keep_their_six_digits()
    {
        using var repo = MigrationRepository.Create(("db/migrations/000001_init.up.sql", "CREATE TABLE orders (id integer PRIMARY KEY);\n"));
        repo.Commit("hotfix",
            ("db/migrations/000002_discount.up.sql", AddColumn),
            ("db/migrations/000002_discount.down.sql", "ALTER TABLE orders DROP COLUMN discount;\n"));

        Assert.Equal("db/migrations/000003_undo_discount.up.sql", MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms))).Forward.SuggestedPath);
    }

    [Fact]
    public void Flyway_takes_the_next_version_from_every_V_file_of_its_location()
    {
        using var repo = MigrationRepository.Create(
            ("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"),
            ("src/main/resources/db/migration/R__order_view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n"),
            ("src/main/resources/db/migration/2024/V11__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n")); // Flyway scans subfolders
        repo.Commit("hotfix", ("src/main/resources/db/migration/V9__discount.sql", AddColumn));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("src/main/resources/db/migration/V12__undo_discount.sql", entry.Forward.SuggestedPath);
    }

    [Fact]
    public void Flyway_versions_with_several_parts_keep_the_placeholder()
    {
        using var repo = MigrationRepository.Create(("src/main/resources/db/migration/V1.1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"));
        repo.Commit("hotfix", ("src/main/resources/db/migration/V1.2__discount.sql", AddColumn));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Equal("src/main/resources/db/migration/V<next version>__undo_discount.sql", entry.Forward.SuggestedPath);
        Assert.Contains("have several parts (1.1 in src/main/resources/db/migration/V1.1__init.sql)", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Fluent_migrator_takes_the_next_version_from_the_migration_attributes()
    {
        using var repo = MigrationRepository.Create(
            ("Shop/Migrations/Initial.cs", "using FluentMigrator;\n\n[Migration(202401100900)]\npublic class Initial : Migration\n{\n    public override void Up() => Create.Table(\"Orders\").WithColumn(\"Id\").AsInt32().PrimaryKey();\n\n    public override void Down() => Delete.Table(\"Orders\");\n}\n"));
        repo.Commit("hotfix", ("Shop/Migrations/Discount.cs",
            "using FluentMigrator;\n\n[Migration(202612010800)]\npublic class Discount : Migration\n{\n    public override void Up() => Alter.Table(\"Orders\").AddColumn(\"Discount\").AsInt32().Nullable();\n\n    public override void Down() => Delete.Column(\"Discount\").FromTable(\"Orders\");\n}\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Contains("[Migration(202612072153)]\npublic class UndoDiscount : Migration", entry.Forward.Content);
        Assert.Contains("Number 202612072153: the current UTC time as yyyyMMddHHmm, which sorts after the last version in Shop/Migrations/ at ", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Fluent_migrator_versions_written_with_digit_separators_are_read_whole()
    {
        // The runner orders by the number: read as "2026", the existing version would let "now" (a lower number) through.
        using var repo = MigrationRepository.Create(
            ("Shop/Migrations/Initial.cs", "using FluentMigrator;\n\n[Migration(2026_12_10_0900L)]\npublic class Initial : Migration\n{\n    public override void Up() => Create.Table(\"Orders\").WithColumn(\"Id\").AsInt32().PrimaryKey();\n\n    public override void Down() => Delete.Table(\"Orders\");\n}\n"));
        repo.Commit("hotfix", ("Shop/Migrations/Discount.cs",
            "using FluentMigrator;\n\n[Migration(2026_12_10_1000)]\npublic class Discount : Migration\n{\n    public override void Up() => Alter.Table(\"Orders\").AddColumn(\"Discount\").AsInt32().Nullable();\n\n    public override void Down() => Delete.Column(\"Discount\").FromTable(\"Orders\");\n}\n"));

        var entry = MigrationRepository.WithMigrations(repo, ms => Plan(Assert.Single(ms)));

        Assert.Contains("[Migration(202612101001)]\npublic class UndoDiscount : Migration", entry.Forward.Content);
    }

    [Fact]
    public void Several_migrations_of_the_hotfix_in_one_folder_get_consecutive_numbers_newest_undo_first()
    {
        using var repo = MigrationRepository.Create(("db/migrations/0001_init.sql", "CREATE TABLE orders (id integer PRIMARY KEY);\n"));
        repo.Commit("hotfix", ("db/migrations/0002_total.sql", "ALTER TABLE orders ADD COLUMN total integer;\n"), ("db/migrations/0003_discount.sql", AddColumn));
        var numbers = MigrationRepository.WithMigrations(repo, ms => NextMigrationNumbers.Assign(ms.OrderByDescending(m => m.Path, StringComparer.Ordinal).ToList(), Now));

        Assert.Equal(["0004", "0005"], numbers.Select(n => n?.Value));
        Assert.EndsWith(", moved on by 1 for the undos of the hotfix's newer migrations in this folder (they run first).", numbers[1]!.Note);
    }
}
