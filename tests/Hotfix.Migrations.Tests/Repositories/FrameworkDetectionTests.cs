using Hotfix.Migrations;
using Hotfix.Policy.Changes;
using static Hotfix.Migrations.Tests.Repositories.MigrationRepository;

namespace Hotfix.Migrations.Tests.Repositories;

/// <summary>
/// One realistic migration per framework — as its own generator writes it — committed on a hotfix branch of a real
/// repository, then detected, paired with its down and read into operations.
/// </summary>
public class FrameworkDetectionTests
{
    [Fact]
    public void Ef_core_migration_outside_a_Migrations_folder_is_found_by_its_content_with_designer_and_snapshot_as_companions()
    {
        using var repo = Create(("src/Shop/Shop.csproj", "<Project><ItemGroup><PackageReference Include=\"Npgsql.EntityFrameworkCore.PostgreSQL\" /></ItemGroup></Project>"));
        repo.Commit("Add order note", ("src/Shop/Data/Schema/20260312101500_AddOrderNote.cs", EfFixtures.AddOrderNote),
            ("src/Shop/Data/Schema/20260312101500_AddOrderNote.Designer.cs", EfFixtures.Designer),
            ("src/Shop/Data/Schema/ShopDbContextModelSnapshot.cs", EfFixtures.Snapshot));
        var fact = Scan(repo);
        var migration = Assert.Single(fact.Migrations);
        Assert.Empty(fact.SchemaChangesWithoutMigration);
        Assert.Equal(MigrationFramework.EfCore, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal("add-column,create-index", Kinds(migration.Up));
        Assert.Equal("Orders.Note", migration.Up[0].Object);
        Assert.True(migration.Up[0].NewNullable);
        Assert.Equal("drop-index,drop-column", Kinds(migration.Down.Operations));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
        Assert.Equal(migration.Path, migration.Down.Path);
        Assert.Equal(13, migration.Up[0].Line);
    }

    [Fact]
    public void Ef_core_Down_that_calls_base_Down_is_irreversible_because_EF_Cores_Down_throws()
    {
        using var repo = Create(("src/Shop/Shop.csproj", "<Project><ItemGroup><PackageReference Include=\"Npgsql.EntityFrameworkCore.PostgreSQL\" /></ItemGroup></Project>"));
        var text = EfFixtures.AddOrderNote[..EfFixtures.AddOrderNote.IndexOf("protected override void Down", StringComparison.Ordinal)] +
            "protected override void Down(MigrationBuilder migrationBuilder)\n        {\n            base.Down(migrationBuilder);\n        }\n    }\n}\n";
        repo.Commit("Add order note", ("src/Shop/Migrations/20260312101500_AddOrderNote.cs", text));
        var migration = Single(repo);
        Assert.Equal("add-column,create-index", Kinds(migration.Up));
        Assert.Equal(DownStatus.Irreversible, migration.Down.Status);
        Assert.Contains("base.Down(migrationBuilder), which EF Core implements as throw new NotSupportedException()", migration.Down.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Drizzle_kit_journal_layout_honours_the_out_folder_of_drizzle_config()
    {
        using var repo = Create(
            ("drizzle.config.ts", "import { defineConfig } from \"drizzle-kit\";\n\nexport default defineConfig({\n  dialect: \"postgresql\",\n  schema: \"./src/db/schema.ts\",\n  out: \"./db/migrations\",\n});\n"),
            ("db/migrations/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[]}\n"));
        repo.Commit("Add order note",
            ("db/migrations/0001_brave_hulk.sql", "ALTER TABLE \"orders\" ADD COLUMN \"note\" text;--> statement-breakpoint\nCREATE INDEX IF NOT EXISTS \"orders_note_idx\" ON \"orders\" USING btree (\"note\");"),
            ("db/migrations/meta/0001_snapshot.json", "{\"id\":\"b1\",\"prevId\":\"a0\",\"tables\":{}}\n"),
            ("db/migrations/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[{\"idx\":1,\"version\":\"7\",\"when\":1710238500000,\"tag\":\"0001_brave_hulk\",\"breakpoints\":true}]}\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.DrizzleKit, migration.Framework);
        Assert.Equal("db/migrations/0001_brave_hulk.sql", migration.Path);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal("add-column,create-index", Kinds(migration.Up));
        Assert.Equal(DownStatus.NotSupported, migration.Down.Status);
        Assert.Null(migration.Down.Path);
        Assert.Contains("forward migration", migration.Down.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Drizzle_kit_folder_layout_and_a_snapshot_changed_without_a_migration()
    {
        using var repo = Create(("drizzle.config.json", "{ \"dialect\": \"postgresql\", \"out\": \"drizzle\" }"));
        repo.Commit("Add note", ("drizzle/20260312101500_add_note/migration.sql", "ALTER TABLE \"orders\" ADD COLUMN \"note\" text;\n"),
            ("drizzle/20260312101500_add_note/snapshot.json", "{\"id\":\"c2\",\"prevIds\":[\"b1\"]}\n"));
        Assert.Equal("drizzle/20260312101500_add_note/migration.sql", Single(repo).Path);

        using var schemaOnly = Create(("drizzle.config.json", "{ \"out\": \"drizzle\" }"));
        schemaOnly.Commit("Snapshot only", ("drizzle/20260312101500_add_note/snapshot.json", "{\"id\":\"c2\"}\n"));
        var fact = Scan(schemaOnly);
        Assert.Empty(fact.Migrations);
        var schema = Assert.Single(fact.SchemaChangesWithoutMigration);
        Assert.Equal(MigrationFramework.DrizzleKit, schema.Framework);
    }

    [Fact]
    public void Flyway_versioned_undo_and_repeatable_migrations_with_configured_locations()
    {
        using var repo = Create(("flyway.conf", "flyway.url=jdbc:postgresql://localhost:5432/shop\nflyway.locations=filesystem:database/sql\n"),
            ("database/sql/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);\n"));
        repo.Commit("Add note",
            ("database/sql/V2__add_order_note.sql", "ALTER TABLE orders ADD COLUMN note varchar(200);\n"),
            ("database/sql/U2__add_order_note.sql", "ALTER TABLE orders DROP COLUMN note;\n"),
            ("database/sql/R__order_view.sql", "CREATE OR REPLACE VIEW order_totals AS SELECT id, total FROM orders;\n"),
            ("scripts/V9__not_a_migration.sql", "DROP TABLE orders;\n"));
        var migrations = Scan(repo).Migrations;
        Assert.Equal(["database/sql/R__order_view.sql", "database/sql/V2__add_order_note.sql"], migrations.Select(m => m.Path));
        Assert.Equal(DownStatus.Repeatable, migrations[0].Down.Status);
        var versioned = migrations[1];
        Assert.Equal(MigrationDatabase.PostgreSql, versioned.Database);
        Assert.Equal("database/sql/U2__add_order_note.sql", versioned.Down.Path);
        Assert.Equal(DownStatus.Inverts, versioned.Down.Status);
    }

    [Theory]
    [InlineData("src/main/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:mysql://db:3306/shop\n", "MySql")]
    [InlineData("src/main/resources/application.properties", "quarkus.datasource.db-kind=postgresql\n", "PostgreSql")]
    [InlineData("pom.xml", "<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>\n<dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>test</scope></dependency>\n", "PostgreSql")]
    [InlineData("build.gradle.kts", "runtimeOnly(\"com.mysql:mysql-connector-j\")\nruntimeOnly(\"org.postgresql:postgresql\")\n", "Unknown")]
    public void Flyway_and_Liquibase_take_the_database_from_the_application_when_their_own_config_is_absent(string path, string content, string expected)
    {
        using var repo = Create((path, content), ("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"),
            ("src/test/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:sqlite:test.db\n"));
        repo.Commit("Note", ("src/main/resources/db/migration/V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"),
            ("src/main/resources/db/changelog/changes.sql", "--liquibase formatted sql\n\n--changeset oncall:1\nALTER TABLE orders ADD COLUMN memo text;\n--rollback ALTER TABLE orders DROP COLUMN memo;\n"));
        var migrations = Scan(repo).Migrations;
        Assert.Equal([MigrationFramework.Flyway, MigrationFramework.Liquibase], migrations.Select(m => m.Framework).Order());
        Assert.All(migrations, m => Assert.Equal(Enum.Parse<MigrationDatabase>(expected), m.Database));
    }

    [Theory]
    [InlineData("{ \"dependencies\": { \"typeorm\": \"^0.3.20\", \"pg\": \"^8.11.0\" }, \"devDependencies\": { \"@types/pg\": \"^8.0.0\" } }", "PostgreSql")]
    [InlineData("{ \"dependencies\": { \"typeorm\": \"^0.3.20\", \"mysql2\": \"^3.9.0\" } }", "MySql")]
    [InlineData("{ \"dependencies\": { \"typeorm\": \"^0.3.20\", \"pg\": \"^8.11.0\", \"better-sqlite3\": \"^9.0.0\" } }", "Unknown")]
    public void TypeOrm_without_a_data_source_file_takes_the_database_from_its_only_driver_package(string packageJson, string expected)
    {
        using var repo = Create(("package.json", packageJson));
        repo.Commit("Note", ("src/migrations/1710238500000-AddOrderNote.ts", TypeOrmFixtures.Generated));
        Assert.Equal(Enum.Parse<MigrationDatabase>(expected), Single(repo).Database);
    }

    [Theory]
    [InlineData("yoyo.ini", "[DEFAULT]\nsources = migrations\ndatabase = postgresql://app@localhost/shop\n", "PostgreSql")]
    [InlineData(".env", "DATABASE_URL=mysql://app@localhost:3306/shop\n", "MySql")]
    [InlineData("package.json", "{ \"dependencies\": { \"postgres-migrations\": \"^5.3.0\", \"pg\": \"^8.11.0\" } }", "PostgreSql")]
    [InlineData("README.md", "Run ./migrate.sh against the database.\n", "Unknown")]
    public void Numbered_sql_migrations_take_the_database_from_the_runners_url_or_driver(string path, string content, string expected)
    {
        using var repo = Create((path, content), ("migrations/1_create-orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n"));
        repo.Commit("Drop note", ("migrations/2_drop-note.sql", "ALTER TABLE orders DROP COLUMN note;\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.NumberedSql, migration.Framework);
        Assert.Equal(Enum.Parse<MigrationDatabase>(expected), migration.Database);
    }

    [Fact]
    public void Liquibase_formatted_sql_changesets_with_rollback_lines()
    {
        using var repo = Create(("src/main/resources/db/changelog/changes.sql", LiquibaseFixtures.FormattedOnMain));
        repo.Commit("Add note", ("src/main/resources/db/changelog/changes.sql", LiquibaseFixtures.FormattedOnMain + LiquibaseFixtures.FormattedAppended));
        var migrations = Scan(repo).Migrations;
        Assert.Equal(2, migrations.Count);
        var note = migrations.Single(m => m.Id == "sandro:2");
        Assert.False(note.ExistedOnMain);
        Assert.Equal("add-column", Kinds(note.Up));
        Assert.Equal(DownStatus.Inverts, note.Down.Status);
        var cleanup = migrations.Single(m => m.Id == "sandro:3");
        Assert.Equal(DownStatus.Missing, cleanup.Down.Status);
    }

    [Fact]
    public void Liquibase_xml_and_yaml_changelogs()
    {
        using var repo = Create();
        repo.Commit("Changelogs", ("db/changelog/2026-03-note.xml", LiquibaseFixtures.Xml), ("db/changelog/2026-03-status.yaml", LiquibaseFixtures.Yaml),
            ("db/changelog/db.changelog-master.yaml", "databaseChangeLog:\n  - include:\n      file: db/changelog/2026-03-note.xml\n"));
        var migrations = Scan(repo).Migrations;
        Assert.Equal(3, migrations.Count);
        var add = migrations.Single(m => m.Id == "sandro:note-1");
        Assert.Equal("add-column", Kinds(add.Up));
        Assert.Equal(DownStatus.Automatic, add.Down.Status);
        var drop = migrations.Single(m => m.Id == "sandro:note-2");
        Assert.Equal("drop-column", Kinds(drop.Up));
        Assert.Equal(DownStatus.Missing, drop.Down.Status);
        var yaml = migrations.Single(m => m.Id == "tobias:status-1");
        Assert.Equal("add-column", Kinds(yaml.Up));
        Assert.False(yaml.Up[0].NewNullable);
        Assert.Equal("drop-column", Kinds(yaml.Down.Operations));
        Assert.Equal(DownStatus.Inverts, yaml.Down.Status);
    }

    [Fact]
    public void Rails_change_is_reversed_by_rails_and_up_down_pairs_in_the_class()
    {
        using var repo = Create(("config/database.yml", "production:\n  adapter: postgresql\n  database: shop\n"));
        repo.Commit("Migrations", ("db/migrate/20260312101500_add_note_to_orders.rb", RailsFixtures.Change),
            ("db/migrate/20260312101600_backfill_order_status.rb", RailsFixtures.UpDown));
        var migrations = Scan(repo).Migrations;
        var change = migrations[0];
        Assert.Equal(MigrationFramework.Rails, change.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, change.Database);
        Assert.Equal("add-column,create-index", Kinds(change.Up));
        Assert.True(change.Up[1].Concurrently);
        Assert.Equal(DownStatus.Automatic, change.Down.Status);
        var upDown = migrations[1];
        Assert.Equal("add-column,update-data", Kinds(upDown.Up));
        Assert.True(upDown.Up[1].HasWhere);

        // The backfill is a data change whose undo cannot be compared with the up: a person must look.
        Assert.Equal(DownStatus.Unverified, upDown.Down.Status);
    }

    [Fact]
    public void Django_operations_are_reversed_by_django_except_runpython_without_reverse_code()
    {
        using var repo = Create(("orders/migrations/0001_initial.py", "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    initial = True\n    operations = []\n"));
        repo.Commit("Add note", ("orders/migrations/0002_order_note.py", DjangoFixtures.AddField), ("orders/migrations/0003_fill_notes.py", DjangoFixtures.RunPython));
        var migrations = Scan(repo).Migrations;
        Assert.Equal(2, migrations.Count);
        Assert.Equal(MigrationFramework.Django, migrations[0].Framework);
        Assert.Equal("add-column", Kinds(migrations[0].Up));
        Assert.True(migrations[0].Up[0].NewNullable);
        Assert.Equal(DownStatus.Automatic, migrations[0].Down.Status);
        Assert.Equal(DownStatus.Irreversible, migrations[1].Down.Status);
        Assert.Contains("reverse_code", migrations[1].Down.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Alembic_upgrade_and_downgrade_in_one_revision()
    {
        using var repo = Create(("alembic.ini", "[alembic]\nscript_location = alembic\nsqlalchemy.url = postgresql://localhost/shop\n"));
        repo.Commit("Add note", ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", AlembicFixtures.Revision));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Alembic, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal("add-column,create-index", Kinds(migration.Up));
        Assert.Equal("drop-index,drop-column", Kinds(migration.Down.Operations));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void Prisma_migration_has_no_down_and_schema_prisma_is_its_schema_intent()
    {
        using var repo = Create(("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"),
            ("prisma/migrations/migration_lock.toml", "# Please do not edit this file manually\nprovider = \"postgresql\"\n"));
        repo.Commit("Add note", ("prisma/migrations/20260312101500_add_order_note/migration.sql", "-- AlterTable\nALTER TABLE \"Order\" ADD COLUMN     \"note\" TEXT;\n"),
            ("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\nmodel Order {\n  id Int @id\n  note String?\n}\n"));
        var fact = Scan(repo);
        var migration = Assert.Single(fact.Migrations);
        Assert.Empty(fact.SchemaChangesWithoutMigration);
        Assert.Equal(MigrationFramework.Prisma, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal(DownStatus.NotSupported, migration.Down.Status);
    }

    [Fact]
    public void Knex_exports_up_and_down()
    {
        using var repo = Create(("knexfile.js", "module.exports = { client: 'pg', migrations: { directory: './migrations' } };\n"));
        repo.Commit("Add note", ("migrations/20260312101500_add_order_note.js", KnexFixtures.AddNote));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Knex, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal("add-column", Kinds(migration.Up));
        Assert.Equal("drop-column", Kinds(migration.Down.Operations));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void TypeOrm_generated_queries_are_read_as_sql()
    {
        using var repo = Create();
        repo.Commit("Add note", ("src/migrations/1710238500000-AddOrderNote.ts", TypeOrmFixtures.Generated));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.TypeOrm, migration.Framework);
        Assert.Equal("add-column,create-index", Kinds(migration.Up));
        Assert.Equal("drop-index,drop-column", Kinds(migration.Down.Operations));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void Golang_migrate_up_pairs_with_its_down_file_even_when_only_the_up_changed()
    {
        using var repo = Create(("db/migrations/000002_add_note.down.sql", "ALTER TABLE orders DROP COLUMN IF EXISTS note;\n"));
        repo.Commit("Add note", ("db/migrations/000002_add_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.GolangMigrate, migration.Framework);
        Assert.Equal("db/migrations/000002_add_note.down.sql", migration.Down.Path);
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void Dbmate_sections_in_one_file()
    {
        using var repo = Create();
        repo.Commit("Add note", ("db/migrations/20260312101500_add_order_note.sql", "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN note;\n\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Dbmate, migration.Framework);
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
        Assert.Equal(5, migration.Down.Operations[0].Line);
    }

    [Fact]
    public void Goose_sections_in_one_file_with_its_annotations_as_directives()
    {
        using var repo = Create((".env", "GOOSE_DRIVER=mysql\nGOOSE_DBSTRING=shop:pw@/shop\n"), ("db/migrations/00001_orders.sql", "-- +goose Up\nCREATE TABLE orders (id bigint PRIMARY KEY);\n\n-- +goose Down\nDROP TABLE orders;\n"));
        repo.Commit("Add note", ("db/migrations/00002_add_order_note.sql",
            "-- +goose NO TRANSACTION\n-- +goose Up\n-- +goose StatementBegin\nALTER TABLE orders ADD COLUMN note text;\n-- +goose StatementEnd\n\n-- +goose Down\nALTER TABLE orders DROP COLUMN note;\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Goose, migration.Framework);
        Assert.Equal(MigrationDatabase.MySql, migration.Database);
        Assert.Equal(4, Assert.Single(migration.Up).Line);
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
        Assert.Equal(8, migration.Down.Operations[0].Line);
    }

    [Fact]
    public void Goose_dbmate_atlas_and_supabase_look_alikes_are_not_their_migrations()
    {
        using var repo = Create();
        repo.Commit("SQL that is no migration",
            ("db/migrations/00002_report.sql", "-- goose would need its Up annotation\nSELECT count(*) FROM orders;\n"), // no -- +goose Up
            ("sql/20261110090000_cleanup.sql", "DELETE FROM sessions;\n"),                                          // no atlas.sum beside it
            ("supabase/seed.sql", "insert into public.plans (name) values ('free');\n"),                          // seed, not a migration
            ("supabase/migrations/cleanup.sql", "delete from public.sessions;\n"));                               // no timestamp

        // Only the numbered file in a migrations folder is a migration, of the project's own runner: numbered SQL.
        Assert.Equal([(MigrationFramework.NumberedSql, "db/migrations/00002_report.sql")], Scan(repo).Migrations.Select(m => (m.Framework, m.Path)));
    }

    [Fact]
    public void Atlas_folder_is_known_by_its_atlas_sum_and_has_no_down_files()
    {
        using var repo = Create(("atlas.hcl", "env \"local\" {\n  dev = \"docker://postgres/16/dev\"\n}\n"), ("migrations/atlas.sum", "h1:abc=\n"),
            ("migrations/20261001000000_init.sql", "CREATE TABLE \"orders\" (\"id\" bigint NOT NULL, \"note\" text, PRIMARY KEY (\"id\"));\n"));
        repo.Commit("Drop note", ("migrations/20261110090000_drop_note.sql", "ALTER TABLE \"orders\" DROP COLUMN \"note\";\n"), ("migrations/atlas.sum", "h1:def=\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Atlas, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal(DownStatus.NotSupported, migration.Down.Status);
        Assert.Contains("atlas migrate down", migration.Down.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Supabase_migrations_are_postgresql_without_downs()
    {
        using var repo = Create();
        repo.Commit("Drop legacy", ("supabase/migrations/20261110090000_drop_legacy.sql", "drop table if exists public.legacy_orders;\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Supabase, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal(DownStatus.NotSupported, migration.Down.Status);
    }

    [Fact]
    public void Entity_framework_6_migrations_are_read_on_sql_server_and_their_designer_is_bookkeeping()
    {
        using var repo = Create();
        repo.Commit("Drop fax", ("Shop/Migrations/202611100900000_DropFax.cs",
            "namespace Shop.Migrations\n{\n    using System.Data.Entity.Migrations;\n\n    public partial class DropFax : DbMigration\n    {\n        public override void Up()\n        {\n            DropColumn(\"dbo.Customers\", \"Fax\");\n        }\n\n        public override void Down()\n        {\n            AddColumn(\"dbo.Customers\", \"Fax\", c => c.String(maxLength: 30));\n        }\n    }\n}\n"),
            ("Shop/Migrations/202611100900000_DropFax.Designer.cs", "namespace Shop.Migrations\n{\n    public sealed partial class DropFax : System.Data.Entity.Migrations.Infrastructure.IMigrationMetadata { }\n}\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Ef6, migration.Framework);
        Assert.Equal(MigrationDatabase.SqlServer, migration.Database);
        var drop = Assert.Single(migration.Up);
        Assert.Equal((MigrationOperationKind.DropColumn, "dbo", "Customers", "Fax", 9), (drop.Kind, drop.Schema, drop.Table, drop.Column, drop.Line));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
        Assert.Equal("nvarchar(30)", migration.Down.Operations[0].NewType);
    }

    [Fact]
    public void FluentMigrator_chains_are_read_and_the_runner_package_names_the_database()
    {
        using var repo = Create(("src/Shop.Migrations/Shop.Migrations.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"FluentMigrator.Runner.Postgres\" />\n  </ItemGroup>\n</Project>\n"));
        repo.Commit("Notes", ("src/Shop.Migrations/M0042_Notes.cs",
            "using FluentMigrator;\n\n[Migration(42)]\npublic class M0042_Notes : Migration\n{\n    public override void Up()\n    {\n        Alter.Table(\"orders\").AddColumn(\"note\").AsString(500).Nullable().AlterColumn(\"code\").AsAnsiString(10);\n        IfDatabase(\"postgres\").Delete.Column(\"fax\").Column(\"telex\").FromTable(\"customers\");\n    }\n\n    public override void Down()\n    {\n        Delete.Column(\"note\").FromTable(\"orders\");\n    }\n}\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.FluentMigrator, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal(
            ["add-column orders.note nvarchar(500)", "alter-column orders.code varchar(10)", "drop-column customers.fax ", "drop-column customers.telex "],
            migration.Up.Select(o => $"{MigrationNames.Of(o.Kind)} {o.Object} {o.NewType}"));
        Assert.Equal(DownStatus.DoesNotInvert, migration.Down.Status); // the down undoes only the added column
    }

    [Fact]
    public void Sequelize_migrations_are_told_from_knex_and_read_with_the_configured_dialect()
    {
        using var repo = Create(("config/config.json", "{ \"production\": { \"dialect\": \"mysql\" } }\n"));
        repo.Commit("Note", ("migrations/20261110090000-add-note.js",
            "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n    await queryInterface.addColumn('Orders', 'note', { type: Sequelize.TEXT, allowNull: true });\n  },\n  down: async (queryInterface) => {\n    await queryInterface.removeColumn('Orders', 'note');\n  },\n};\n"),
            ("seeders/20261110090000-demo-users.js", "module.exports = {\n  async up(queryInterface) {\n    await queryInterface.bulkDelete('Users', null, {});\n  },\n};\n"),
            ("db/knex/20261110090000_add_flag.js", "exports.up = (knex) => knex.schema.alterTable('orders', (t) => t.boolean('flag'));\nexports.down = (knex) => knex.schema.alterTable('orders', (t) => t.dropColumn('flag'));\n"));
        var migrations = Scan(repo).Migrations;
        Assert.Equal([MigrationFramework.Knex, MigrationFramework.Sequelize], migrations.Select(m => m.Framework));
        var sequelize = migrations[1];
        Assert.Equal(MigrationDatabase.MySql, sequelize.Database);
        var add = Assert.Single(sequelize.Up);
        Assert.Equal((MigrationOperationKind.AddColumn, "Orders", "note", "text", true, 3), (add.Kind, add.Table, add.Column, add.NewType, add.NewNullable, add.Line));
        Assert.Equal(DownStatus.Inverts, sequelize.Down.Status);
    }

    [Fact]
    public void Laravel_migrations_read_through_php_comments_and_attributes()
    {
        using var repo = Create((".env.example", "DB_CONNECTION=mysql\n"));
        repo.Commit("Fax", ("database/migrations/2026_11_10_090000_drop_fax.php",
            "<?php\n\nuse Illuminate\\Database\\Migrations\\Migration;\n\nreturn new class extends Migration\n{\n    #[\\Override]\n    public function up(): void\n    {\n        # Schema::drop('customers'); was the first idea\n        /* Schema::drop('orders'); */\n        Schema::table('customers', function (Blueprint $table) {\n            $table->dropColumn(['fax', 'telex']);\n        });\n    }\n\n    public function down(): void\n    {\n        Schema::table('customers', function (Blueprint $table) {\n            $table->string('fax', 30)->nullable();\n            $table->string('telex', 30)->nullable();\n        });\n    }\n};\n"),
            ("database/seeders/DatabaseSeeder.php", "<?php\n\nclass DatabaseSeeder extends Seeder\n{\n    public function run(): void { DB::table('users')->delete(); }\n}\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Laravel, migration.Framework);
        Assert.Equal(MigrationDatabase.MySql, migration.Database);
        Assert.Equal(["customers.fax", "customers.telex"], migration.Up.Select(o => o.Object));
        Assert.All(migration.Up, o => Assert.Equal((MigrationOperationKind.DropColumn, 13), (o.Kind, o.Line)));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void Ecto_migrations_are_read_with_the_repo_adapter_and_up_down_pairs()
    {
        using var repo = Create(("lib/shop/repo.ex", "defmodule Shop.Repo do\n  use Ecto.Repo, otp_app: :shop, adapter: Ecto.Adapters.MyXQL\nend\n"),
            ("config/config.exs", "import Config\nconfig :shop, ecto_repos: [Shop.Repo]\n"));
        repo.Commit("Note", ("priv/repo/migrations/20261110090000_add_note.exs",
            "defmodule Shop.Repo.Migrations.AddNote do\n  use Ecto.Migration\n\n  def up do\n    alter table(:orders) do\n      add :note, :text\n    end\n  end\n\n  def down do\n    alter table(:orders) do\n      remove :note\n    end\n  end\nend\n"),
            ("test/support/data_case.exs", "defmodule Shop.DataCase do\n  use ExUnit.CaseTemplate\nend\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Ecto, migration.Framework);
        Assert.Equal(MigrationDatabase.MySql, migration.Database);
        var add = Assert.Single(migration.Up);
        Assert.Equal((MigrationOperationKind.AddColumn, "orders", "note", "text", 6), (add.Kind, add.Table, add.Column, add.NewType, add.Line));
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void DbUp_scripts_belong_to_the_project_that_references_dbup_and_take_its_database()
    {
        using var repo = Create(("db/Shop.Db.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"dbup-postgresql\" Version=\"5.0.40\" />\n  </ItemGroup>\n</Project>\n"),
            ("api/Shop.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n"));
        repo.Commit("Scripts", ("db/Scripts/0002_add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n"),
            ("api/Scripts/report.sql", "SELECT count(*) FROM orders;\n"));      // a project without DbUp
        var migration = Single(repo);
        Assert.Equal((MigrationFramework.DbUp, MigrationDatabase.PostgreSql), (migration.Framework, migration.Database));
        Assert.Equal("db/Scripts/0002_add_note.sql", migration.Path);
        Assert.Equal(DownStatus.NotSupported, migration.Down.Status);
    }

    [Fact]
    public void Mikro_orm_and_sqlx_are_told_from_knex_and_golang_migrate()
    {
        using var repo = Create(("api/Cargo.toml", "[dependencies]\nsqlx = { version = \"0.8\", features = [\"mysql\"] }\n"));
        repo.Commit("Four migrations",
            ("web/src/migrations/Migration20261110090000.ts",
                "import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration20261110090000 extends Migration {\n  async up(): Promise<void> {\n    const knex = this.getKnex();\n    this.addSql('alter table \"user\" add column \"note\" text null;');\n  }\n\n  async down(): Promise<void> {\n    this.addSql('alter table \"user\" drop column \"note\";');\n  }\n}\n"),
            ("api/migrations/20261110090000_add_flag.up.sql", "ALTER TABLE orders ADD COLUMN flag boolean;\n"),
            ("api/migrations/20261110090000_add_flag.down.sql", "ALTER TABLE orders DROP COLUMN flag;\n"),
            ("ops/db/migrations/000003_add_flag.up.sql", "ALTER TABLE orders ADD COLUMN flag boolean;\n")); // no sqlx crate around it
        var migrations = Scan(repo).Migrations;
        Assert.Equal(
            [(MigrationFramework.Sqlx, "api/migrations/20261110090000_add_flag.up.sql"), (MigrationFramework.GolangMigrate, "ops/db/migrations/000003_add_flag.up.sql"), (MigrationFramework.MikroOrm, "web/src/migrations/Migration20261110090000.ts")],
            migrations.Select(m => (m.Framework, m.Path)));
        Assert.Equal(MigrationDatabase.MySql, migrations[0].Database);
        Assert.Equal(DownStatus.Inverts, migrations[0].Down.Status);
        Assert.Equal(DownStatus.Inverts, migrations[2].Down.Status);
    }

    [Fact]
    public void Sqitch_deploy_pairs_with_revert_beside_the_plan()
    {
        using var repo = Create(("sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\norders 2026-01-05T09:30:00Z Sandro <sandro@example.com> # Orders\n"),
            ("sqitch.conf", "[core]\n\tengine = pg\n"));
        repo.Commit("Add note", ("deploy/order_note.sql", "-- Deploy shop:order_note to pg\n\nBEGIN;\n\nALTER TABLE orders ADD COLUMN note text;\n\nCOMMIT;\n"),
            ("revert/order_note.sql", "-- Revert shop:order_note from pg\n\nBEGIN;\n\nALTER TABLE orders DROP COLUMN note;\n\nCOMMIT;\n"),
            ("verify/order_note.sql", "-- Verify shop:order_note on pg\n\nSELECT note FROM orders WHERE FALSE;\n"),
            ("sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\norders 2026-01-05T09:30:00Z Sandro <sandro@example.com> # Orders\norder_note [orders] 2026-03-12T10:15:00Z Sandro <sandro@example.com> # Order note\n"));
        var migration = Single(repo);
        Assert.Equal(MigrationFramework.Sqitch, migration.Framework);
        Assert.Equal(MigrationDatabase.PostgreSql, migration.Database);
        Assert.Equal("revert/order_note.sql", migration.Down.Path);
        Assert.Equal(DownStatus.Inverts, migration.Down.Status);
    }

    [Fact]
    public void Model_snapshot_and_schema_rb_changed_without_migrations_are_schema_changes()
    {
        using var repo = Create(("src/Shop/Migrations/ShopDbContextModelSnapshot.cs", EfFixtures.Snapshot), ("db/schema.rb", "ActiveRecord::Schema[7.1].define(version: 2026_01_05_093000) do\nend\n"));
        repo.Commit("Schema only", ("src/Shop/Migrations/ShopDbContextModelSnapshot.cs", EfFixtures.Snapshot.Replace("8.0.11", "8.0.12", StringComparison.Ordinal)),
            ("db/schema.rb", "ActiveRecord::Schema[7.1].define(version: 2026_03_12_101500) do\n  add_column :orders, :note, :string\nend\n"));
        var fact = Scan(repo);
        Assert.Empty(fact.Migrations);
        Assert.True(fact.HasDatabaseChange);
        Assert.Equal([MigrationFramework.Rails, MigrationFramework.EfCore], fact.SchemaChangesWithoutMigration.Select(s => s.Framework));
        Assert.Equal(["db/schema.rb", "src/Shop/Migrations/ShopDbContextModelSnapshot.cs"], fact.DatabasePaths);
    }

    [Fact]
    public void Edits_renames_and_deletions_of_migrations_on_main_are_marked_as_already_applied()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\n"),
            ("database/V1__init.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n"),
            ("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n"),
            ("prisma/migrations/20260101000000_init/migration.sql", "CREATE TABLE \"Item\" (\"id\" INTEGER NOT NULL);\n"));
        repo.Commit("Tamper", ("db/migrations/000001_init.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n"),
            ("database/V1__init.sql", null), ("database/V1_1__init.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n"),
            ("prisma/migrations/20260101000000_init/migration.sql", null));
        var migrations = Scan(repo).Migrations;
        Assert.All(migrations, m => Assert.True(m.ExistedOnMain, m.Path));
        Assert.Equal(FileChangeKind.Modified, migrations.Single(m => m.Framework == MigrationFramework.GolangMigrate).Change);
        Assert.Equal(FileChangeKind.Renamed, migrations.Single(m => m.Framework == MigrationFramework.Flyway).Change);
        Assert.Equal("database/V1__init.sql", migrations.Single(m => m.Framework == MigrationFramework.Flyway).OldPath);
        Assert.Equal(FileChangeKind.Deleted, migrations.Single(m => m.Framework == MigrationFramework.Prisma).Change);
    }
}
