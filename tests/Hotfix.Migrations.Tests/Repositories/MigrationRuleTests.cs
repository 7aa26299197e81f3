using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;
using static Hotfix.Migrations.Tests.Repositories.MigrationRepository;

namespace Hotfix.Migrations.Tests.Repositories;

/// <summary>A true positive and a true negative for every HF20xx migration rule, on real repositories.</summary>
public class MigrationRuleTests
{
    private static List<Finding> Of(CheckReport report, string ruleId) => report.Findings.Where(f => f.RuleId == ruleId).ToList();

    private const string Orders = "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);\n";

    [Fact]
    public void HF2001_a_new_migration_requires_the_migration_up_down_test()
    {
        using var repo = Create(("db/migrations/000001_init.up.sql", Orders), ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\n"));
        repo.Commit("Note", ("db/migrations/000002_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;\n"), ("db/migrations/000002_note.down.sql", "ALTER TABLE orders DROP COLUMN note;\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.MigrationPresent));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("db/migrations/000002_note.up.sql", finding.Path);
        Assert.Contains("migration-up-down", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2001_a_schema_file_changed_without_a_migration_is_a_database_change_too()
    {
        using var repo = Create(("prisma/schema.prisma", "model Order {\n  id Int @id\n}\n"));
        repo.Commit("Model only", ("prisma/schema.prisma", "model Order {\n  id Int @id\n  note String\n}\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.MigrationPresent));
        Assert.Equal("prisma/schema.prisma", finding.Path);
        Assert.Contains("no Prisma Migrate migration", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2001_no_database_change_means_no_finding_and_no_section()
    {
        using var repo = Create(("src/app.ts", "export const a = 1;\n"));
        repo.Commit("Code only", ("src/app.ts", "export const a = 2;\n"), ("db/seed-notes.md", "not a migration\n"));
        var report = Check(repo);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Sections);
    }

    [Fact]
    public void HF2002_dropping_a_column_in_up_is_destructive_and_blocking()
    {
        using var repo = Create();
        repo.Commit("Drop", ("src/Migrations/20260312101500_DropLegacyNote.cs", EfFixtures.Migration("DropLegacyNote",
            "            migrationBuilder.DropColumn(name: \"LegacyNote\", table: \"Orders\");",
            "            migrationBuilder.AddColumn<string>(name: \"LegacyNote\", table: \"Orders\", type: \"text\", nullable: true);")));
        var report = Check(repo);
        var finding = Assert.Single(Of(report, RuleIds.DestructiveMigration));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(report.IsBlocking);
        Assert.Contains("Orders.LegacyNote", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Safe alternative:", finding.Message, StringComparison.Ordinal);
        Assert.Equal(9, finding.Line);
    }

    [Fact]
    public void HF2002_a_narrowing_type_change_is_found_through_the_down_that_restores_the_old_type()
    {
        using var repo = Create();
        repo.Commit("Narrow", ("db/migrations/000003_narrow_note.up.sql", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);\n"),
            ("db/migrations/000003_narrow_note.down.sql", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.DestructiveMigration));
        Assert.Contains("varchar(200) -> varchar(50)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2002_widening_numeric_precision_and_dropping_in_down_what_up_added_are_not_destructive()
    {
        using var repo = Create();
        repo.Commit("Widen", ("src/Migrations/20260312101500_WidenOrderTotal.cs", EfFixtures.Migration("WidenOrderTotal",
            "            migrationBuilder.AlterColumn<decimal>(name: \"Total\", table: \"Orders\", type: \"numeric(14,2)\", precision: 14, scale: 2, nullable: false, oldClrType: typeof(decimal), oldType: \"numeric(12,2)\", oldPrecision: 12, oldScale: 2);\n" +
            "            migrationBuilder.AddColumn<string>(name: \"Note\", table: \"Orders\", type: \"text\", nullable: true);",
            "            migrationBuilder.DropColumn(name: \"Note\", table: \"Orders\");\n" +
            "            migrationBuilder.AlterColumn<decimal>(name: \"Total\", table: \"Orders\", type: \"numeric(12,2)\", precision: 12, scale: 2, nullable: false, oldClrType: typeof(decimal), oldType: \"numeric(14,2)\", oldPrecision: 14, oldScale: 2);")));
        var report = Check(repo);
        Assert.Equal([RuleIds.MigrationPresent], report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void HF2003_missing_throwing_and_irreversible_downs()
    {
        using var repo = Create();
        repo.Commit("Downs",
            ("db/migrations/000004_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;\n"),
            ("src/Migrations/20260312101500_Backfill.cs", EfFixtures.Migration("Backfill",
                "            migrationBuilder.AddColumn<int>(name: \"Points\", table: \"Orders\", nullable: true);",
                "            throw new NotSupportedException(\"one way\");")),
            ("db/migrate/20260312101500_fix_totals.rb", "class FixTotals < ActiveRecord::Migration[7.1]\n  def change\n    execute \"UPDATE orders SET total = round(total, 2) WHERE total IS NOT NULL\"\n  end\nend\n"),
            ("alembic/versions/5e6f_flag.py", "revision = '5e6f'\ndown_revision = '3f2a'\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.add_column('orders', sa.Column('flag', sa.Boolean(), nullable=True))\n\n\ndef downgrade():\n    pass\n"));
        var findings = Of(Check(repo), RuleIds.IrreversibleMigration);
        Assert.Equal(4, findings.Count);
        Assert.Contains(findings, f => f.Path == "alembic/versions/5e6f_flag.py" && f.Message.Contains("empty down", StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Path == "db/migrations/000004_note.up.sql" && f.Message.Contains("000004_note.down.sql", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == "src/Migrations/20260312101500_Backfill.cs" && f.Message.Contains("throws", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == "db/migrate/20260312101500_fix_totals.rb" && f.Message.Contains("IrreversibleMigration", StringComparison.Ordinal));
    }

    [Fact]
    public void HF2003_a_working_down_is_fine_and_frameworks_without_downs_get_the_forward_migration_advice_as_info()
    {
        using var repo = Create(("drizzle.config.ts", "export default { dialect: 'postgresql', out: './drizzle' };\n"));
        repo.Commit("Downs",
            ("db/migrations/20260312101500_note.sql", "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\n\n-- migrate:down\nALTER TABLE orders DROP COLUMN note;\n"),
            ("drizzle/0003_calm_storm.sql", "ALTER TABLE \"orders\" ADD COLUMN \"status\" text;"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.IrreversibleMigration));
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal("drizzle/0003_calm_storm.sql", finding.Path);
        Assert.Contains("forward migration", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2004_renames_and_not_null_columns_without_default_break_the_running_version()
    {
        using var repo = Create();
        repo.Commit("Incompatible",
            ("alembic/versions/9c1d_rename.py", "revision = '9c1d'\ndown_revision = '3f2a'\n\nfrom alembic import op\n\n\ndef upgrade():\n    op.alter_column('orders', 'note', new_column_name='remark')\n\n\ndef downgrade():\n    op.alter_column('orders', 'remark', new_column_name='note')\n"),
            ("db/migrations/000005_status.up.sql", "ALTER TABLE orders ADD COLUMN status text NOT NULL;\n"),
            ("db/migrations/000005_status.down.sql", "ALTER TABLE orders DROP COLUMN status;\n"));
        var findings = Of(Check(repo), RuleIds.BackwardIncompatibleMigration);
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("renames column orders.note -> remark", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("adds NOT NULL column orders.status without a default", StringComparison.Ordinal));
    }

    [Fact]
    public void HF2004_a_T_SQL_ALTER_COLUMN_that_restates_NULL_on_a_nullable_column_allows_no_new_nulls()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", "CREATE TABLE dbo.Users (Id int NOT NULL PRIMARY KEY);\nALTER TABLE dbo.Users ADD Nickname nvarchar(100) NULL;\nALTER TABLE dbo.Users ADD Email nvarchar(100) NOT NULL;\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE dbo.Users;\n"),
            (".env", "DATABASE_URL=sqlserver://sa@localhost:1433?database=shop\n"));
        repo.Commit("Widen", ("db/migrations/000002_widen.up.sql",
                "ALTER TABLE dbo.Users ALTER COLUMN Nickname nvarchar(200) NULL;\nALTER TABLE dbo.Users ALTER COLUMN Email nvarchar(200) NULL;\n" +
                "ALTER TABLE dbo.Users ADD Bio nvarchar(100) NULL;\nALTER TABLE dbo.Users ALTER COLUMN Bio nvarchar(400) NULL;\n"),
            ("db/migrations/000002_widen.down.sql", "ALTER TABLE dbo.Users DROP COLUMN Bio;\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.BackwardIncompatibleMigration));
        Assert.Equal(2, finding.Line); // Email was NOT NULL (the history says so); Nickname and Bio were nullable already
        Assert.Contains("allows NULL in dbo.Users.Email", finding.Message, StringComparison.Ordinal);

        using var withDown = Create(
            ("db/migrations/000001_init.up.sql", "CREATE TABLE dbo.Users (Id int NOT NULL PRIMARY KEY, Nickname nvarchar(100) NULL);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE dbo.Users;\n"),
            (".env", "DATABASE_URL=sqlserver://sa@localhost:1433?database=shop\n"));
        withDown.Commit("Widen", ("db/migrations/000002_widen.up.sql", "ALTER TABLE dbo.Users ALTER COLUMN Nickname nvarchar(200) NULL;\n"),
            ("db/migrations/000002_widen.down.sql", "ALTER TABLE dbo.Users ALTER COLUMN Nickname nvarchar(100) NULL;\n"));
        Assert.Empty(Of(Check(withDown), RuleIds.BackwardIncompatibleMigration));
    }

    [Fact]
    public void HF2004_not_null_with_a_default_or_on_a_table_created_in_the_same_migration_is_compatible()
    {
        using var repo = Create();
        repo.Commit("Compatible",
            ("db/migrations/000006_status.up.sql", "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'open';\nCREATE TABLE refunds (id bigint PRIMARY KEY);\nALTER TABLE refunds ADD COLUMN amount numeric(12,2) NOT NULL;\nCREATE INDEX refunds_amount ON refunds (amount);\n"),
            ("db/migrations/000006_status.down.sql", "DROP INDEX refunds_amount;\nDROP TABLE refunds;\nALTER TABLE orders DROP COLUMN status;\n"));
        var report = Check(repo);
        Assert.Empty(Of(report, RuleIds.BackwardIncompatibleMigration));
        Assert.Empty(Of(report, RuleIds.LockingMigration));
        Assert.Empty(Of(report, RuleIds.DownDoesNotInvertUp));
    }

    [Fact]
    public void HF2005_index_without_concurrently_on_an_existing_postgresql_table_locks_writes()
    {
        using var repo = Create(("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n"));
        repo.Commit("Index", ("prisma/migrations/20260312101500_index_note/migration.sql", "-- CreateIndex\nCREATE INDEX \"Order_note_idx\" ON \"Order\"(\"note\");\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.LockingMigration));
        Assert.Equal(2, finding.Line);
        Assert.Contains("CONCURRENTLY", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("assumed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2005_set_not_null_behind_a_validated_not_null_check_does_not_scan()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE users;\n"),
            ("db/migrations/000002_email_check.up.sql", "ALTER TABLE users ADD CONSTRAINT users_email_null CHECK (\"email\" IS NOT NULL) NOT VALID;\n"),
            ("db/migrations/000002_email_check.down.sql", "ALTER TABLE users DROP CONSTRAINT users_email_null;\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Email required", ("db/migrations/000003_email_not_null.up.sql",
                "ALTER TABLE users VALIDATE CONSTRAINT users_email_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_null;\n" +
                "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"),
            ("db/migrations/000003_email_not_null.down.sql", "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;\nALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.LockingMigration));
        Assert.Equal(4, finding.Line); // name has no check; email's validated check spares the scan
        Assert.Contains("users.name", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2005_a_not_null_check_that_is_not_validated_or_already_dropped_proves_nothing()
    {
        using var repo = Create(
            ("db/migrations/000001_init.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"),
            ("db/migrations/000001_init.down.sql", "DROP TABLE users;\n"),
            (".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Email required", ("db/migrations/000002_email_not_null.up.sql",
                "ALTER TABLE users ADD CONSTRAINT users_email_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"),
            ("db/migrations/000002_email_not_null.down.sql", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_null;\n"));
        Assert.Contains(Of(Check(repo), RuleIds.LockingMigration), f => f.Message.Contains("sets NOT NULL on users.email", StringComparison.Ordinal));
    }

    [Fact]
    public void HF2005_rails_strong_migrations_recipe_for_not_null_is_quiet()
    {
        using var repo = Create(("config/database.yml", "production:\n  adapter: postgresql\n"),
            ("db/migrate/20260301000000_add_email_check.rb",
                "class AddEmailCheck < ActiveRecord::Migration[7.1]\n  def change\n    add_check_constraint :users, \"email IS NOT NULL\", name: \"users_email_null\", validate: false\n  end\nend\n"));
        repo.Commit("Email required", ("db/migrate/20260302000000_validate_email_check.rb",
            "class ValidateEmailCheck < ActiveRecord::Migration[7.1]\n  def up\n    validate_check_constraint :users, name: \"users_email_null\"\n    change_column_null :users, :email, false\n    remove_check_constraint :users, name: \"users_email_null\"\n  end\n\n" +
            "  def down\n    add_check_constraint :users, \"email IS NOT NULL\", name: \"users_email_null\", validate: false\n    change_column_null :users, :email, true\n  end\nend\n"));
        Assert.DoesNotContain(Of(Check(repo), RuleIds.LockingMigration), f => f.Message.Contains("sets NOT NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void HF2005_concurrent_index_and_not_valid_constraint_do_not_lock()
    {
        using var repo = Create();
        repo.Commit("Safe", ("db/migrations/000007_fk.up.sql", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"),
            ("db/migrations/000007_fk.down.sql", "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;\nDROP INDEX CONCURRENTLY orders_customer_idx;\n"));
        Assert.Empty(Of(Check(repo), RuleIds.LockingMigration));
    }

    [Fact]
    public void HF2006_editing_a_migration_that_is_on_main_is_blocking_while_appending_a_changeset_is_not()
    {
        using var repo = Create(("db/migrations/000001_init.up.sql", Orders), ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\n"),
            ("db/changelog.sql", LiquibaseFixtures.FormattedOnMain), ("db/R__views.sql", "CREATE VIEW v AS SELECT 1;\n"));
        repo.Commit("Edit", ("db/migrations/000001_init.up.sql", Orders.Replace("12,2", "14,2", StringComparison.Ordinal)),
            ("db/changelog.sql", LiquibaseFixtures.FormattedOnMain + LiquibaseFixtures.FormattedAppended),
            ("db/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 2;\n"));
        var report = Check(repo);
        var finding = Assert.Single(Of(report, RuleIds.EditedAppliedMigration));
        Assert.Equal("db/migrations/000001_init.up.sql", finding.Path);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(report.IsBlocking);
    }

    [Fact]
    public void HF2006_a_comment_or_layout_edit_counts_only_where_the_framework_keeps_a_checksum()
    {
        const string ef = "            migrationBuilder.AddColumn<string>(name: \"Note\", table: \"Orders\", type: \"text\", nullable: true);";
        using var repo = Create(("db/migrations/000001_init.up.sql", Orders), ("db/migrations/000001_init.down.sql", "DROP TABLE orders;\n"),
            ("db/flyway/V1__init.sql", Orders), ("src/Migrations/20260301090000_AddNote.cs", EfFixtures.Migration("AddNote", ef,
                "            migrationBuilder.DropColumn(name: \"Note\", table: \"Orders\");")));
        repo.Commit("Comment the migrations", ("db/migrations/000001_init.up.sql", "-- orders, as the shop launched\n" + Orders.Replace(", total", ",\n    total", StringComparison.Ordinal)),
            ("db/migrations/000001_init.down.sql", "DROP TABLE orders; -- everything goes\n"),
            ("db/flyway/V1__init.sql", "-- orders, as the shop launched\n" + Orders),
            ("src/Migrations/20260301090000_AddNote.cs", EfFixtures.Migration("AddNote", "            // free text from the checkout form\n" + ef,
                "            migrationBuilder.DropColumn(name: \"Note\", table: \"Orders\");")));
        var finding = Assert.Single(Of(Check(repo), RuleIds.EditedAppliedMigration));
        Assert.Equal("db/flyway/V1__init.sql", finding.Path); // Flyway's checksum validation fails on any byte

        repo.Commit("Change what runs", ("db/migrations/000001_init.down.sql", "DROP TABLE orders CASCADE; -- everything goes\n"));
        Assert.Contains(Of(Check(repo), RuleIds.EditedAppliedMigration), f => f.Path == "db/migrations/000001_init.up.sql");
    }

    [Fact]
    public void HF2007_a_down_that_drops_something_else_does_not_invert_the_up()
    {
        using var repo = Create();
        repo.Commit("Mismatch", ("db/migrations/000008_a.up.sql", "ALTER TABLE orders ADD COLUMN a text;\n"),
            ("db/migrations/000008_a.down.sql", "-- undo\nALTER TABLE orders DROP COLUMN b;\nDROP TABLE invoices;\n"));
        var findings = Of(Check(repo), RuleIds.DownDoesNotInvertUp);
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Path == "db/migrations/000008_a.up.sql" && f.Line == 1 && f.Message.Contains("adds column orders.a", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == "db/migrations/000008_a.down.sql" && f.Line == 2 && f.Message.Contains("drops column orders.b", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Path == "db/migrations/000008_a.down.sql" && f.Line == 3 && f.Message.Contains("drops table invoices", StringComparison.Ordinal));
    }

    [Fact]
    public void HF2007_a_down_that_undoes_every_step_is_fine()
    {
        using var repo = Create();
        repo.Commit("Pair", ("db/migrations/000009_a.up.sql", "ALTER TABLE orders ADD COLUMN a text;\nALTER TABLE orders RENAME COLUMN b TO c;\n"),
            ("db/migrations/000009_a.down.sql", "ALTER TABLE orders RENAME COLUMN c TO b;\nALTER TABLE orders DROP COLUMN a;\n"));
        Assert.Empty(Of(Check(repo), RuleIds.DownDoesNotInvertUp));
    }

    [Fact]
    public void HF2008_update_without_where_rewrites_every_row_but_a_bounded_update_does_not()
    {
        using var repo = Create();
        repo.Commit("Data", ("db/migrations/000010_data.up.sql", "UPDATE orders SET status = 'open';\nUPDATE orders SET total = 0 WHERE total IS NULL;\nDELETE FROM audit_log;\n"),
            ("db/migrations/000010_data.down.sql", "SELECT 1;\n"));
        var findings = Of(Check(repo), RuleIds.UnboundedMigrationDataChange);
        Assert.Equal([1, 3], findings.Select(f => f.Line ?? 0));
    }

    [Fact]
    public void HF2010_a_concurrent_index_inside_gooses_transaction_fails_the_deploy_and_no_transaction_lets_it_run()
    {
        using var repo = Create();
        repo.Commit("Indexes",
            ("db/migrations/00002_orders_customer_index.sql",
                "-- +goose Up\nCREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);\n\n-- +goose Down\nDROP INDEX CONCURRENTLY idx_orders_customer;\n"),
            ("db/migrations/00003_orders_status_index.sql",
                "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n\n-- +goose Down\nDROP INDEX CONCURRENTLY idx_orders_status;\n"));
        var report = Check(repo);
        var findings = Of(report, RuleIds.StatementCannotRunInTransaction);
        Assert.Equal([("db/migrations/00002_orders_customer_index.sql", 2), ("db/migrations/00002_orders_customer_index.sql", 5)], findings.Select(f => (f.Path, f.Line ?? 0)));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        Assert.True(report.IsBlocking);
        var up = findings[0].Message;
        Assert.Contains("CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id)", up, StringComparison.Ordinal);
        Assert.Contains("the transaction goose runs each migration in", up, StringComparison.Ordinal);
        Assert.Contains("`-- +goose NO TRANSACTION`", up, StringComparison.Ordinal);
        Assert.Contains("one concurrent statement per non-transactional migration", up, StringComparison.Ordinal);
        Assert.Contains("the deploy fails", up, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL is assumed", up, StringComparison.Ordinal);
        Assert.Contains("migrating down fails", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2010_golang_migrate_runs_a_concurrent_statement_alone_in_its_file_but_not_next_to_another()
    {
        using var repo = Create((".env", "DATABASE_URL=postgres://app@localhost/shop\n"));
        repo.Commit("Indexes",
            ("db/migrations/000002_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n"),
            ("db/migrations/000002_note.down.sql", "ALTER TABLE orders DROP COLUMN note;\n"),
            ("db/migrations/000003_status.up.sql", "-- alone: no transaction around it\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);\n"),
            ("db/migrations/000003_status.down.sql", "DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;\n"));
        var finding = Assert.Single(Of(Check(repo), RuleIds.StatementCannotRunInTransaction));
        Assert.Equal(("db/migrations/000002_note.up.sql", 2), (finding.Path, finding.Line ?? 0));
        Assert.Contains("x-multi-statement", finding.Message, StringComparison.Ordinal);
        Assert.Contains("holding that statement alone", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("assumed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2010_vacuum_alter_system_and_create_database_refuse_a_transaction_but_an_index_on_only_a_partitioned_parent_does_not()
    {
        using var repo = Create();
        repo.Commit("Maintenance", ("db/migrations/00004_maintenance.sql",
            "-- +goose Up\nCREATE INDEX orders_kind_idx ON ONLY order_events (kind);\nVACUUM ANALYZE orders;\nALTER SYSTEM SET work_mem = '64MB';\nCREATE DATABASE reporting;\n" +
            "REINDEX INDEX CONCURRENTLY orders_status_idx;\n\n-- +goose Down\nDROP INDEX orders_kind_idx;\n"));
        var findings = Of(Check(repo), RuleIds.StatementCannotRunInTransaction);
        Assert.Equal([3, 4, 5, 6], findings.Select(f => f.Line ?? 0));
        Assert.Contains("PostgreSQL refuses VACUUM", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL refuses ALTER SYSTEM", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL refuses CREATE DATABASE", findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL refuses REINDEX", findings[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2010_messages_name_the_fix_of_mikroorm_sqitch_dbup_and_supabase()
    {
        using var mikro = Create(("mikro-orm.config.ts", "import { defineConfig } from '@mikro-orm/postgresql';\nexport default defineConfig({ dbName: 'shop' });\n"));
        mikro.Commit("Index", ("src/migrations/Migration20261201090000.ts",
            "import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration20261201090000 extends Migration {\n  override isTransactional(): boolean { return false; }\n\n" +
            "  override async up(): Promise<void> {\n    this.addSql('create index concurrently \"order_status_index\" on \"order\" (\"status\");');\n  }\n}\n"));
        var held = Assert.Single(Of(Check(mikro), RuleIds.StatementCannotRunInTransaction)).Message;
        Assert.Contains("`allOrNothing: false`", held, StringComparison.Ordinal);
        Assert.Contains("master transaction", held, StringComparison.Ordinal);

        using var sqitch = Create(("sqitch.conf", "[core]\n\tengine = pg\n"), ("sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\n"));
        sqitch.Commit("Index",
            ("sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\norders_status_idx 2026-12-01T09:00:00Z Ops <ops@example.com> # index\n"),
            ("deploy/orders_status_idx.sql", "BEGIN;\nCREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\nCOMMIT;\n"),
            ("revert/orders_status_idx.sql", "DROP INDEX CONCURRENTLY orders_status_idx;\n"));
        var block = Assert.Single(Of(Check(sqitch), RuleIds.StatementCannotRunInTransaction)).Message;
        Assert.Contains("Move it out of the `BEGIN;` … `COMMIT;` block", block, StringComparison.Ordinal);

        using var dbup = Create(
            ("src/Shop.Database/Shop.Database.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"dbup-postgresql\" Version=\"5.0.40\" /></ItemGroup></Project>\n"),
            ("src/Shop.Database/Program.cs", "var upgrader = DeployChanges.To.PostgresqlDatabase(args[0]).WithScriptsEmbeddedInAssembly(typeof(Program).Assembly).WithTransaction().Build();\n"));
        dbup.Commit("Maintenance", ("src/Shop.Database/Scripts/Script0002_Vacuum.sql", "VACUUM ANALYZE orders;\n"));
        var upgrader = Assert.Single(Of(Check(dbup), RuleIds.StatementCannotRunInTransaction)).Message;
        Assert.Contains("`.WithoutTransaction()`", upgrader, StringComparison.Ordinal);

        using var supabase = Create(("supabase/config.toml", "project_id = \"shop\"\n"));
        supabase.Commit("Reporting", ("supabase/migrations/20261201090000_reporting.sql", "create database reporting;\nvacuum analyze public.orders;\n"));
        var apart = Assert.Single(Of(Check(supabase), RuleIds.StatementCannotRunInTransaction));
        Assert.Equal(1, apart.Line);
        Assert.Contains("PostgreSQL refuses CREATE DATABASE", apart.Message, StringComparison.Ordinal);
        Assert.Contains("outside the migrations", apart.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HF2010_judges_postgresql_only_and_a_reasoned_allow_comment_waives_it()
    {
        using var mysql = Create(("config/database.yml", "production:\n  adapter: mysql2\n"));
        mysql.Commit("Index", ("db/migrate/20261110090000_add_status_index.rb",
            "class AddStatusIndex < ActiveRecord::Migration[7.1]\n  def change\n    add_index :orders, :status, algorithm: :concurrently\n  end\nend\n"));
        Assert.Empty(Of(Check(mysql), RuleIds.StatementCannotRunInTransaction));

        using var postgres = Create(("config/database.yml", "production:\n  adapter: postgresql\n"));
        postgres.Commit("Index", ("db/migrate/20261110090000_add_status_index.rb",
            "class AddStatusIndex < ActiveRecord::Migration[7.1]\n  def change\n    # hotfix: allow HF2010 reason=\"run by hand with psql before the deploy\"\n    add_index :orders, :status, algorithm: :concurrently\n  end\nend\n"));
        var finding = Assert.Single(Of(Check(postgres), RuleIds.StatementCannotRunInTransaction));
        Assert.Contains("`disable_ddl_transaction!` in the migration class", finding.Message, StringComparison.Ordinal);
        Assert.Equal("run by hand with psql before the deploy", finding.Waiver?.Reason);
    }

    [Fact]
    public void A_reasoned_allow_comment_waives_exactly_one_finding_and_a_comment_without_reason_waives_none()
    {
        using var repo = Create();
        repo.Commit("Drops", ("db/migrations/000011_drop.up.sql",
            "-- hotfix: allow HF2002 reason=\"legacy_note was copied to orders_note_backup in INC-2026-0042\"\nALTER TABLE orders DROP COLUMN legacy_note;\nALTER TABLE orders DROP COLUMN legacy_flag;\n-- hotfix: allow HF2002\nDROP TABLE old_orders;\n"),
            ("db/migrations/000011_drop.down.sql", "ALTER TABLE orders ADD COLUMN legacy_note text;\nALTER TABLE orders ADD COLUMN legacy_flag boolean;\nCREATE TABLE old_orders (id bigint);\n"));
        var report = Check(repo);
        var findings = Of(report, RuleIds.DestructiveMigration).OrderBy(f => f.Line).ToList();
        Assert.Equal(3, findings.Count);
        var waived = findings[0];
        Assert.Equal(FindingSeverity.Info, waived.Severity);
        Assert.NotNull(waived.Waiver);
        Assert.Equal("legacy_note was copied to orders_note_backup in INC-2026-0042", waived.Waiver.Reason);
        Assert.Equal("comment in db/migrations/000011_drop.up.sql:1", waived.Waiver.Source);
        Assert.Equal(FindingSeverity.Error, waived.Waiver.OriginalSeverity);
        Assert.Equal(FindingSeverity.Error, findings[1].Severity);
        Assert.Null(findings[2].Waiver);
        Assert.Contains("has no reason", findings[2].Message, StringComparison.Ordinal);
        Assert.True(report.IsBlocking);
    }

    [Fact]
    public void An_allow_comment_in_one_liquibase_changeset_does_not_waive_another()
    {
        using var repo = Create();
        repo.Commit("Drops", ("db/changelog.sql", "--liquibase formatted sql\n\n--changeset sandro:1\n-- hotfix: allow HF2002 reason=\"backed up\"\nALTER TABLE orders DROP COLUMN a;\n--rollback ALTER TABLE orders ADD COLUMN a text;\n\n--changeset sandro:2\nALTER TABLE orders DROP COLUMN b;\n--rollback ALTER TABLE orders ADD COLUMN b text;\n"));
        var findings = Of(Check(repo), RuleIds.DestructiveMigration).OrderBy(f => f.Line).ToList();
        Assert.Equal(2, findings.Count);
        Assert.NotNull(findings[0].Waiver);
        Assert.Null(findings[1].Waiver);
    }

    [Fact]
    public void Policy_sets_the_severity_of_migration_rules()
    {
        using var repo = Create();
        repo.Commit("Drop", ("db/migrations/000012_drop.up.sql", "DROP TABLE old_orders;\n"), ("db/migrations/000012_drop.down.sql", "CREATE TABLE old_orders (id bigint);\n"));
        var policy = new HotfixPolicy { Rules = new Dictionary<string, string> { [RuleIds.DestructiveMigration] = "warning", [RuleIds.MigrationPresent] = "off" } };
        var report = Check(repo, policy);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(report.Findings).Severity);
        Assert.False(report.IsBlocking);
    }
}
