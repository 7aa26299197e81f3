using Hotfix.Git;
using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// The name of the forward migration where the framework's generator stamps it with the time, read from real
/// repositories with a fixed clock: the current UTC time in the framework's format when it sorts after the folder's
/// last migration, else the last + 1; the placeholder with its reason where the folder cannot be listed.
/// </summary>
public class TimestampedNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 53, 41, TimeSpan.Zero);

    private const string Ecto = "defmodule Shop.Repo.Migrations.AddNote do\n  use Ecto.Migration\n\n  def up do\n    alter table(:orders) do\n      add :note, :text\n    end\n  end\n\n  def down do\n    alter table(:orders) do\n      remove :note\n    end\n  end\nend\n";

    private const string Sequelize = "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('Orders', 'note', { type: Sequelize.TEXT, allowNull: true });\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeColumn('Orders', 'note');\n  },\n};\n";

    private const string Laravel = "<?php\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        Schema::table('orders', function (Blueprint $table) {\n            $table->string('note', 30)->nullable();\n        });\n    }\n\n    public function down(): void\n    {\n        Schema::table('orders', function (Blueprint $table) {\n            $table->dropColumn('note');\n        });\n    }\n};\n";

    private const string Goose = "-- +goose Up\nALTER TABLE orders ADD COLUMN note text;\n\n-- +goose Down\nALTER TABLE orders DROP COLUMN note;\n";

    /// <summary>Each framework: what tells it apart on main, its migration file at a version, and its forward migration's path at a name.</summary>
    private static (string Framework, (string, string?)[] Main, Func<string, (string, string?)> File, Func<string, string> Forward) Case(string framework) => framework switch
    {
        "rails" => (framework, [], v => ($"db/migrate/{v}_add_note_to_orders.rb", RailsFixtures.Change), n => $"db/migrate/{n}_undo_add_note_to_orders.rb"),
        "ecto" => (framework, [], v => ($"priv/repo/migrations/{v}_add_note.exs", Ecto), n => $"priv/repo/migrations/{n}_undo_add_note.exs"),
        "knex" => (framework, [], v => ($"migrations/{v}_add_order_note.js", KnexFixtures.AddNote), n => $"migrations/{n}_undo_add_order_note.js"),
        "sequelize" => (framework, [("config/config.json", "{ \"production\": { \"dialect\": \"mysql\" } }\n")], v => ($"migrations/{v}-add-note.js", Sequelize), n => $"migrations/{n}-undo-add-note.js"),
        "goose" => (framework, [(".env", "GOOSE_DRIVER=postgres\n")], v => ($"db/migrations/{v}_add_note.sql", Goose), n => $"db/migrations/{n}_undo_add_note.sql"),
        "laravel" => (framework, [], v => ($"database/migrations/{Underscored(v)}_add_note.php", Laravel), n => $"database/migrations/{n}_undo_add_note.php"),
        _ => (framework, [], v => ($"src/migrations/{v}-AddOrderNote.ts", TypeOrmFixtures.Generated.Replace("1710238500000", v, StringComparison.Ordinal)), n => $"src/migrations/{n}-UndoAddOrderNote.ts"),
    };

    private static string Underscored(string v) => $"{v[..4]}_{v[4..6]}_{v[6..8]}_{v[8..]}";

    private static MigrationRollbackEntry Plan(string framework, string hotfixVersion, params string[] mainVersions)
    {
        var c = Case(framework);
        using var repo = MigrationRepository.Create([.. c.Main, .. mainVersions.Select(c.File)]);
        repo.Commit("hotfix", c.File(hotfixVersion));
        return MigrationRepository.WithMigrations(repo, ms =>
        {
            var migration = Assert.Single(ms);
            Assert.Equal(framework, migration.Framework.Id());
            return MigrationRollbackPlanner.Entry(migration, NextMigrationNumbers.Assign([migration], Now)[0]);
        });
    }

    [Theory]
    [InlineData("rails", "20261207215341", "yyyyMMddHHmmss")]
    [InlineData("ecto", "20261207215341", "yyyyMMddHHmmss")]
    [InlineData("knex", "20261207215341", "yyyyMMddHHmmss")]
    [InlineData("sequelize", "20261207215341", "yyyyMMddHHmmss")]
    [InlineData("goose", "20261207215341", "yyyyMMddHHmmss")]
    [InlineData("laravel", "2026_12_07_215341", "yyyy_MM_dd_HHmmss")]
    [InlineData("typeorm", "1796680421000", "milliseconds since 1970 (TypeORM's Date.now())")]
    public void The_name_is_the_current_utc_time_in_the_generators_format_when_it_sorts_after_the_last(string framework, string expected, string format)
    {
        var past = framework == "typeorm" ? "1764576000000" : "20261201080000";
        var older = framework == "typeorm" ? "1704877200000" : "20240110090000";

        var entry = Plan(framework, past, older);

        Assert.Equal(Case(framework).Forward(expected), entry.Forward.SuggestedPath);
        Assert.Contains($". Number {expected}: the current UTC time as {format}, which sorts after the last version in ", entry.Forward.HowToCreate);
        Assert.DoesNotContain("<timestamp>", entry.Forward.Content);
    }

    [Theory]
    [InlineData("rails", "20301201080001")]
    [InlineData("ecto", "20301201080001")]
    [InlineData("knex", "20301201080001")]
    [InlineData("sequelize", "20301201080001")]
    [InlineData("goose", "20301201080001")]
    [InlineData("laravel", "2030_12_01_080001")]
    [InlineData("typeorm", "1922342400001")]
    public void A_last_version_after_the_current_time_is_followed_by_the_last_plus_one(string framework, string expected)
    {
        var future = framework == "typeorm" ? "1922342400000" : "20301201080000";

        var entry = Plan(framework, future);

        Assert.Equal(Case(framework).Forward(expected), entry.Forward.SuggestedPath);
        Assert.Contains(", + 1 — the current UTC time ", entry.Forward.HowToCreate);
        Assert.EndsWith(" does not sort after it.", entry.Forward.HowToCreate);
    }

    [Theory]
    [InlineData("rails")]
    [InlineData("ecto")]
    [InlineData("knex")]
    [InlineData("sequelize")]
    [InlineData("goose")]
    [InlineData("laravel")]
    [InlineData("typeorm")]
    public void Without_a_listing_of_the_folder_the_timestamp_stays_a_placeholder_and_says_why(string framework)
    {
        var c = Case(framework);
        using var repo = MigrationRepository.Create(c.Main);
        repo.Commit("hotfix", c.File(framework == "typeorm" ? "1764576000000" : "20261201080000"));
        using var git = GitRepository.Open(repo.Path);
        Assert.True(git.TryReadChangeSet("main", "origin", repo.Head, out var changes, out var reason), reason);
        var migration = Assert.Single(MigrationFact.From(changes, null).Migrations);

        var entry = MigrationRollbackPlanner.Entry(migration, NextMigrationNumbers.Assign([migration], Now)[0]);

        Assert.Equal(c.Forward("<timestamp>"), entry.Forward.SuggestedPath);
        Assert.EndsWith(" could not be listed (the host gave Hotfix no repository reader).", entry.Forward.HowToCreate);
        Assert.Contains("The number stays a placeholder: ", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Typeorm_class_name_ends_with_the_timestamp_of_its_file_as_typeorm_reads_it_from_there()
    {
        var entry = Plan("typeorm", "1764576000000");

        Assert.Contains("export class UndoAddOrderNote1796680421000 {", entry.Forward.Content);
    }

    [Fact]
    public void Goose_sequence_numbers_stay_numbers_next_to_the_timestamps_of_other_frameworks()
    {
        // 00003 is goose's sequential numbering (`goose create -s`): a timestamp after it would be a different scheme.
        var entry = Plan("goose", "00003", "00001");

        Assert.Equal("db/migrations/00004_undo_add_note.sql", entry.Forward.SuggestedPath);
        Assert.Contains("Number 00004: the highest number in db/migrations/ at ", entry.Forward.HowToCreate);
    }
}
