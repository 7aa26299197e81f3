using System.Globalization;

namespace Hotfix.Benchmarks.Migrations;

/// <summary>Writes a folder of generated migrations: each framework's own layout and generator style, names varied.</summary>
internal static class MigrationFolder
{
    public static void Generate(string root, int count)
    {
        Write(root, "drizzle.config.ts", "export default { dialect: 'postgresql', out: './drizzle' };\n");
        Write(root, "flyway.conf", "flyway.url=jdbc:postgresql://db/shop\nflyway.locations=filesystem:flyway/sql\n");
        Write(root, "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        Write(root, "sqitch/sqitch.plan", "%project=shop\n");
        for (var n = 0; n < count; n++)
        {
            var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n * 7).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var table = "table_" + (n % 97).ToString(CultureInfo.InvariantCulture);
            var column = "col_" + n.ToString(CultureInfo.InvariantCulture);
            var v = (n + 1).ToString(CultureInfo.InvariantCulture);
            switch (n % 13)
            {
                case 0:
                    Write(root, $"src/Data/Migrations/{stamp}_Add{column}.cs", Ef(column, table, n));
                    break;
                case 1:
                    Write(root, $"drizzle/{n:D4}_brave_{column}.sql", $"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" text;--> statement-breakpoint\nCREATE INDEX \"{table}_{column}_idx\" ON \"{table}\" USING btree (\"{column}\");");
                    break;
                case 2:
                    Write(root, $"flyway/sql/V{v}__add_{column}.sql", $"ALTER TABLE {table} ADD COLUMN {column} varchar(200);\nUPDATE {table} SET {column} = '' WHERE {column} IS NULL;\n");
                    Write(root, $"flyway/sql/U{v}__add_{column}.sql", $"ALTER TABLE {table} DROP COLUMN {column};\n");
                    break;
                case 3:
                    Write(root, $"db/changelog/{stamp}.sql", $"--liquibase formatted sql\n\n--changeset bench:{v}\nALTER TABLE {table} ADD COLUMN {column} int;\n--rollback ALTER TABLE {table} DROP COLUMN {column};\n");
                    break;
                case 4:
                    Write(root, $"db/migrate/{stamp}_add_{column}_to_{table}.rb", $"class Add{n} < ActiveRecord::Migration[7.1]\n  def change\n    add_column :{table}, :{column}, :string, null: false, default: \"\"\n    add_index :{table}, :{column}, algorithm: :concurrently\n  end\nend\n");
                    break;
                case 5:
                    Write(root, $"app{n % 7}/migrations/{n:D4}_{column}.py", $"from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = []\n\n    operations = [\n        migrations.AddField(\n            model_name=\"{table}\",\n            name=\"{column}\",\n            field=models.CharField(max_length=200, null=True),\n        ),\n    ]\n");
                    break;
                case 6:
                    Write(root, $"alembic/versions/{n:x8}_{column}.py", $"revision = '{n:x8}'\ndown_revision = None\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.add_column('{table}', sa.Column('{column}', sa.String(length=50), nullable=True))\n\n\ndef downgrade():\n    op.drop_column('{table}', '{column}')\n");
                    break;
                case 7:
                    Write(root, $"prisma/migrations/{stamp}_{column}/migration.sql", $"-- AlterTable\nALTER TABLE \"{table}\" ADD COLUMN     \"{column}\" TEXT;\n\n-- CreateIndex\nCREATE INDEX \"{table}_{column}_idx\" ON \"{table}\"(\"{column}\");\n");
                    break;
                case 8:
                    Write(root, $"knex/migrations/{stamp}_{column}.js", $"exports.up = function(knex) {{\n  return knex.schema.alterTable('{table}', function(t) {{\n    t.string('{column}', 100).notNullable().defaultTo('');\n  }});\n}};\n\nexports.down = function(knex) {{\n  return knex.schema.alterTable('{table}', function(t) {{\n    t.dropColumn('{column}');\n  }});\n}};\n");
                    break;
                case 9:
                    Write(root, $"src/migrations/{1700000000000L + n}-Add{column}.ts", $"import {{ MigrationInterface, QueryRunner }} from \"typeorm\";\n\nexport class Add{n} implements MigrationInterface {{\n    public async up(queryRunner: QueryRunner): Promise<void> {{\n        await queryRunner.query(`ALTER TABLE \"{table}\" ADD \"{column}\" integer`);\n    }}\n\n    public async down(queryRunner: QueryRunner): Promise<void> {{\n        await queryRunner.query(`ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"`);\n    }}\n}}\n");
                    break;
                case 10:
                    Write(root, $"migrate/{n:D6}_{column}.up.sql", $"ALTER TABLE {table} ALTER COLUMN amount TYPE numeric(14,2);\n");
                    Write(root, $"migrate/{n:D6}_{column}.down.sql", $"ALTER TABLE {table} ALTER COLUMN amount TYPE numeric(12,2);\n");
                    break;
                case 11:
                    Write(root, $"db/migrations/{stamp}_{column}.sql", $"-- migrate:up\nCREATE TABLE {table}_{n} (id bigint PRIMARY KEY, {column} text NOT NULL);\nCREATE INDEX ON {table}_{n} ({column});\n\n-- migrate:down\nDROP TABLE {table}_{n};\n");
                    break;
                default:
                    Write(root, $"sqitch/deploy/{column}.sql", $"-- Deploy shop:{column} to pg\n\nBEGIN;\n\nALTER TABLE {table} ADD COLUMN {column} text;\n\nCOMMIT;\n");
                    Write(root, $"sqitch/revert/{column}.sql", $"-- Revert shop:{column} from pg\n\nBEGIN;\n\nALTER TABLE {table} DROP COLUMN {column};\n\nCOMMIT;\n");
                    break;
            }
        }
    }

    private static string Ef(string column, string table, int n) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            public partial class Add{{n}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "{{column}}", table: "{{table}}", type: "text", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_{{table}}_{{column}}", table: "{{table}}", column: "{{column}}");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_{{table}}_{{column}}", table: "{{table}}");
                    migrationBuilder.DropColumn(name: "{{column}}", table: "{{table}}");
                }
            }
        }
        """;

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
