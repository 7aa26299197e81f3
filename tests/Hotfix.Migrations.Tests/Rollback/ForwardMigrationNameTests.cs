using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// The forward migration's name comes from the migration's own name without its version, whatever separates them
/// (<c>_</c>, <c>-</c>, an Alembic hex id) and wherever the name is (the file, or the folder of a one-script migration).
/// </summary>
public class ForwardMigrationNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 53, 41, TimeSpan.Zero);

    private static ForwardMigration Forward((string, string?)[] main, (string, string?) migration)
    {
        using var repo = MigrationRepository.Create(main);
        repo.Commit("hotfix", migration);
        return MigrationRepository.WithMigrations(repo, ms => MigrationRollbackPlanner.Entry(Assert.Single(ms), NextMigrationNumbers.Assign([ms[0]], Now)[0])).Forward;
    }

    [Fact]
    public void Typeorm_names_after_the_dash_in_pascal_case_as_its_generator_does()
    {
        var forward = Forward([], ("src/migrations/1764576000000-AddOrderNote.ts", TypeOrmFixtures.Generated.Replace("1710238500000", "1764576000000", StringComparison.Ordinal)));

        Assert.StartsWith("src/migrations/1796680421000-UndoAddOrderNote.ts", forward.SuggestedPath);
        Assert.StartsWith("npx typeorm migration:create src/migrations/UndoAddOrderNote", forward.HowToCreate);
    }

    [Fact]
    public void Sequelize_names_after_the_dash_without_doubling_it()
    {
        var forward = Forward(
            [("config/config.json", "{ \"production\": { \"dialect\": \"mysql\" } }\n")],
            ("migrations/20261201080000-add-note.js", "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('Orders', 'note', { type: Sequelize.TEXT, allowNull: true });\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeColumn('Orders', 'note');\n  },\n};\n"));

        Assert.Equal("migrations/20261207215341-undo-add-note.js", forward.SuggestedPath);
        Assert.StartsWith("npx sequelize-cli migration:generate --name undo-add-note", forward.HowToCreate);
    }

    [Fact]
    public void Alembic_names_after_the_revision_id_even_one_that_starts_with_a_digit()
    {
        var forward = Forward([("alembic.ini", "[alembic]\nscript_location = alembic\n")], ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", AlembicFixtures.Revision));

        Assert.EndsWith("_undo_add_order_note.py", forward.SuggestedPath);
        Assert.Contains("alembic revision -m \"undo_add_order_note\"", forward.HowToCreate);
    }

    [Fact]
    public void Diesel_names_after_its_migrations_folder_not_its_up_sql()
    {
        var forward = Forward(
            [("diesel.toml", "[print_schema]\nfile = \"src/schema.rs\"\n")],
            ("migrations/2026-12-01-080000_add_note/up.sql", "ALTER TABLE orders ADD COLUMN note text;\n"));

        Assert.Equal("migrations/<timestamp>_undo_add_note/up.sql", forward.SuggestedPath);
        Assert.Equal("diesel migration generate undo_add_note", forward.HowToCreate);
    }
}
