using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>
/// What an edit of an applied migration may change without HF2006 (comments, layout, quote style, trailing commas),
/// language by language — and the look-alike edits that change what runs and must still count.
/// </summary>
public class LayoutOnlyEditTests
{
    private static bool Same(MigrationFramework framework, string before, string after, MigrationDatabase database = MigrationDatabase.Unknown)
    {
        Assert.NotEqual(before, after); // every case is an edit: a replacement that missed would prove nothing
        return LayoutOnlyEdit.Only(framework.Facts(), before, after, database);
    }

    private const string Sql = "-- add the total\nALTER TABLE orders ADD COLUMN total numeric(12,2);\nCREATE INDEX orders_total_idx ON orders (total);\n";

    [Fact]
    public void Sql_comments_and_layout_are_no_edit_where_no_checksum_is_kept()
    {
        const string reformatted = "/* Adds the order total (INC-2026-0042). */\nALTER TABLE orders\n    ADD COLUMN total numeric(12, 2);\n\nCREATE INDEX orders_total_idx\n    ON orders (total); -- for reports\n";
        Assert.True(Same(MigrationFramework.GolangMigrate, Sql, reformatted));
        Assert.True(Same(MigrationFramework.Dbmate, "-- migrate:up\n" + Sql + "-- migrate:down\nDROP INDEX orders_total_idx;\n", "-- migrate:up\n" + reformatted + "\n-- migrate:down\nDROP INDEX orders_total_idx; -- undo\n"));
    }

    [Fact]
    public void A_goose_Go_migration_reformatted_by_gofmt_is_no_edit_but_a_changed_literal_is()
    {
        const string before = "package migrations\n\nimport \"github.com/pressly/goose/v3\"\n\nfunc init() { goose.AddMigrationContext(up, down) }\n\nfunc up(ctx context.Context, tx *sql.Tx) error {\n  _, err := tx.ExecContext(ctx, `ALTER TABLE orders ADD COLUMN note text`)\n  return err\n}\n";
        const string gofmt = "package migrations\n\nimport \"github.com/pressly/goose/v3\"\n\nfunc init() {\n\tgoose.AddMigrationContext(up, down)\n}\n\n// up adds the note (INC-2026-0042).\nfunc up(ctx context.Context, tx *sql.Tx) error {\n\t_, err := tx.ExecContext(ctx, `ALTER TABLE orders ADD COLUMN note text`)\n\treturn err\n}\n";
        Assert.True(LayoutOnlyEdit.Only(MigrationFramework.Goose.Facts(), before, gofmt, MigrationDatabase.Unknown, "db/migrations/00002_note.go"));
        Assert.False(LayoutOnlyEdit.Only(MigrationFramework.Goose.Facts(), before, before.Replace("note text", "note varchar(20)", StringComparison.Ordinal), MigrationDatabase.Unknown, "db/migrations/00002_note.go"));
        Assert.False(LayoutOnlyEdit.Only(MigrationFramework.Goose.Facts(), before, gofmt, MigrationDatabase.Unknown, "db/migrations/00002_note.sql"));
    }

    [Fact]
    public void Sql_edits_that_change_what_runs_count()
    {
        Assert.False(Same(MigrationFramework.GolangMigrate, Sql, Sql.Replace("12,2", "14,2", StringComparison.Ordinal)));
        Assert.False(Same(MigrationFramework.GolangMigrate, Sql, Sql.Replace("orders (total)", "orders (\"total\")", StringComparison.Ordinal)));
        Assert.False(Same(MigrationFramework.GolangMigrate, "INSERT INTO t VALUES ('a  b');", "INSERT INTO t VALUES ('a b');"));

        // Keyword case is left as an edit rather than reasoned about per database (MySQL table names are case-sensitive on Linux).
        Assert.False(Same(MigrationFramework.GolangMigrate, Sql, Sql.Replace("ALTER TABLE", "alter table", StringComparison.Ordinal)));

        // Comments that tools or servers read: dbmate's sections and options, MySQL's executable comments.
        const string dbmate = "-- migrate:up\nCREATE INDEX i ON t (c);\nDROP INDEX j;\n-- migrate:down\nDROP INDEX i;\n";
        Assert.False(Same(MigrationFramework.Dbmate, dbmate, "-- migrate:up\nCREATE INDEX i ON t (c);\n-- migrate:down\nDROP INDEX j;\nDROP INDEX i;\n"));
        Assert.False(Same(MigrationFramework.Dbmate, dbmate, dbmate.Replace("-- migrate:up", "-- migrate:up transaction:false", StringComparison.Ordinal)));
        Assert.False(Same(MigrationFramework.GolangMigrate, "/*!40101 SET NAMES utf8 */;\nSELECT 1;", "/*!40101 SET NAMES latin1 */;\nSELECT 1;", MigrationDatabase.MySql));
    }

    [Fact]
    public void Frameworks_that_keep_a_checksum_count_every_byte()
    {
        const string flyway = "-- V3: totals\nALTER TABLE orders ADD COLUMN total numeric(12,2);\n";
        Assert.False(Same(MigrationFramework.Flyway, flyway, flyway.Replace("-- V3: totals", "-- V3: order totals", StringComparison.Ordinal)));
        Assert.False(Same(MigrationFramework.Prisma, flyway, flyway + "\n"));
        Assert.False(Same(MigrationFramework.Liquibase, flyway, flyway + "\n"));
        Assert.False(Same(MigrationFramework.Sqitch, flyway, flyway + "\n"));
        Assert.False(Same(MigrationFramework.DrizzleKit, flyway, flyway + "\n"));
    }

    private const string Ef = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public partial class AddOrderTotal : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<decimal>(name: "Total", table: "Orders", type: "decimal(12,2)", nullable: false, defaultValue: 0m);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Total", table: "Orders");
                }
            }
        }
        """;

    [Fact]
    public void CSharp_comments_and_layout_are_no_edit()
    {
        var reformatted = Ef
            .Replace("namespace Shop.Data.Migrations\n{", "/// <summary>Order totals (INC-2026-0042).</summary>\nnamespace Shop.Data.Migrations\n{", StringComparison.Ordinal)
            .Replace("table: \"Orders\", type:", "\n                table: \"Orders\", // the orders table\n                type:", StringComparison.Ordinal);
        Assert.True(Same(MigrationFramework.EfCore, Ef, reformatted));
    }

    [Fact]
    public void CSharp_edits_that_change_what_runs_count()
    {
        Assert.False(Same(MigrationFramework.EfCore, Ef, Ef.Replace("decimal(12,2)", "decimal(14,2)", StringComparison.Ordinal)));

        // Code under #if is trivia to Roslyn's comparison unless its symbol is defined — which the project may do: an
        // edit inside it must not pass for a comment.
        var underIf = Ef.Replace("migrationBuilder.DropColumn(", "#if SQLSERVER\n            migrationBuilder.DropColumn(", StringComparison.Ordinal)
            .Replace("table: \"Orders\");\n", "table: \"Orders\");\n#endif\n", StringComparison.Ordinal);
        Assert.False(Same(MigrationFramework.EfCore, underIf, underIf.Replace("name: \"Total\", table: \"Orders\");", "name: \"Total\", table: \"Invoices\");", StringComparison.Ordinal)));
    }

    private const string Alembic = """
        \"\"\"add order total

        Revision ID: 4b1c2d3e4f50
        \"\"\"
        from alembic import op
        import sqlalchemy as sa

        revision = '4b1c2d3e4f50'
        down_revision = '3a0b1c2d3e4f'


        def upgrade():
            op.add_column('orders', sa.Column('total', sa.Numeric(12, 2), nullable=True))
            op.create_index('ix_orders_total', 'orders', ['total'], unique=False)


        def downgrade():
            op.drop_index('ix_orders_total', table_name='orders')
            op.drop_column('orders', 'total')
        """;

    [Fact]
    public void Python_black_and_comments_are_no_edit()
    {
        const string black = """
            \"\"\"add order total

            Revision ID: 4b1c2d3e4f50
            \"\"\"
            from alembic import op
            import sqlalchemy as sa

            revision = "4b1c2d3e4f50"
            down_revision = "3a0b1c2d3e4f"


            def upgrade():
                # totals for the monthly report
                op.add_column(
                    "orders",
                    sa.Column("total", sa.Numeric(12, 2), nullable=True),
                )
                op.create_index("ix_orders_total", "orders", ["total"], unique=False)


            def downgrade():
                op.drop_index("ix_orders_total", table_name="orders")
                op.drop_column("orders", "total")
            """;
        Assert.True(Same(MigrationFramework.Alembic, Alembic, black));
    }

    [Fact]
    public void Python_edits_that_change_what_runs_count()
    {
        Assert.False(Same(MigrationFramework.Alembic, Alembic, Alembic.Replace("12, 2", "14, 2", StringComparison.Ordinal)));

        // Indentation is code in Python: the drop moved out of downgrade() runs at import.
        Assert.False(Same(MigrationFramework.Alembic, Alembic, Alembic.Replace("    op.drop_column('orders', 'total')", "op.drop_column('orders', 'total')", StringComparison.Ordinal)));

        // (x,) is a tuple, (x) is x: the one trailing comma that matters.
        Assert.False(Same(MigrationFramework.Django, "unique_together = (('a', 'b'),)\n", "unique_together = (('a', 'b'))\n"));
        Assert.True(Same(MigrationFramework.Django, "unique_together = [('a', 'b'),]\n", "unique_together = [('a', 'b')]\n"));
        Assert.False(Same(MigrationFramework.Django, "x = d['a',]\n", "x = d['a']\n"));

        // A line break ends a statement outside brackets.
        Assert.False(Same(MigrationFramework.Alembic, "x = a\n(b)\n", "x = a (b)\n"));
    }

    private const string Rails = """
        class AddTotalToOrders < ActiveRecord::Migration[7.1]
          def change
            add_column :orders, :total, :decimal, precision: 12, scale: 2
            add_index :orders, :total, algorithm: :concurrently
          end
        end
        """;

    [Fact]
    public void Ruby_comments_quotes_and_wrapping_are_no_edit()
    {
        var edited = "# frozen_string_literal: true\n\n" + Rails.Replace(
            "add_index :orders, :total, algorithm: :concurrently",
            "# reports sort by total\n    add_index(:orders,\n              :total,\n              algorithm: :concurrently)",
            StringComparison.Ordinal);
        Assert.False(Same(MigrationFramework.Rails, Rails, edited)); // parentheses added: a different call text, left as an edit
        Assert.True(Same(MigrationFramework.Rails, "execute 'UPDATE orders SET total = 0'\n", "# backfill\nexecute \"UPDATE orders SET total = 0\"\n"));
        Assert.True(Same(MigrationFramework.Rails, Rails, Rails.Replace("precision: 12, scale: 2", "precision: 12,\n      scale: 2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ruby_edits_that_change_what_runs_count()
    {
        Assert.False(Same(MigrationFramework.Rails, "execute \"UPDATE t SET a = #{x}\"\n", "execute 'UPDATE t SET a = #{x}'\n"));
        Assert.False(Same(MigrationFramework.Rails, "remove_column :t, :a\nputs :b\n", "remove_column :t, :a puts :b\n"));
        Assert.False(Same(MigrationFramework.Rails, Rails, Rails.Replace("scale: 2", "scale: 4", StringComparison.Ordinal)));
    }

    private const string Knex = """
        exports.up = function (knex) {
          return knex.schema.alterTable('orders', (table) => {
            table.decimal('total', 12, 2);
            table.index(['total'], 'orders_total_idx');
          });
        };

        exports.down = function (knex) {
          return knex.schema.alterTable('orders', (table) => {
            table.dropIndex(['total'], 'orders_total_idx');
            table.dropColumn('total');
          });
        };
        """;

    [Fact]
    public void JavaScript_prettier_and_comments_are_no_edit()
    {
        const string prettier = """
            /** Order totals for the monthly report. */
            exports.up = function (knex) {
              return knex.schema.alterTable("orders", (table) => {
                table.decimal("total", 12, 2)
                table.index(
                  ["total"],
                  "orders_total_idx", // named like the others
                )
              })
            }

            exports.down = function (knex) {
              return knex.schema.alterTable("orders", (table) => {
                table.dropIndex(["total"], "orders_total_idx")
                table.dropColumn("total")
              })
            }
            """;
        Assert.True(Same(MigrationFramework.Knex, Knex, prettier));
    }

    [Fact]
    public void JavaScript_edits_that_change_what_runs_count()
    {
        Assert.False(Same(MigrationFramework.Knex, Knex, Knex.Replace("12, 2", "14, 2", StringComparison.Ordinal)));

        // A break after return returns undefined: the schema change never runs.
        Assert.False(Same(MigrationFramework.Knex, Knex, Knex.Replace("return knex.schema.alterTable('orders', (table) => {\n    table.decimal", "return\n  knex.schema.alterTable('orders', (table) => {\n    table.decimal", StringComparison.Ordinal)));
        Assert.False(Same(MigrationFramework.TypeOrm, "await q.query(`ALTER TABLE a ADD b int`);", "await q.query(`ALTER TABLE a ADD  b int`);"));
    }

    [Fact]
    public void Php_comments_and_quotes_are_no_edit_but_interpolation_is()
    {
        const string laravel = "Schema::table('orders', function (Blueprint $table) {\n    $table->dropColumn('fax');\n});\n";
        Assert.True(Same(MigrationFramework.Laravel, laravel, "// fax is gone (INC-2026-0042)\nSchema::table(\"orders\", function (Blueprint $table) {\n    # keep telex\n    $table->dropColumn(\"fax\");\n});\n"));
        Assert.False(Same(MigrationFramework.Laravel, "DB::statement('DROP TABLE $name');\n", "DB::statement(\"DROP TABLE $name\");\n"));
        Assert.False(Same(MigrationFramework.Laravel, laravel, laravel.Replace("'fax'", "'telex'", StringComparison.Ordinal)));
    }
}
