using System.Text;
using Hotfix.Migrations;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Formats;
using Hotfix.Migrations.Sql;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>
/// Property: whatever text a migration holds, reading it never throws. 100,000+ inputs built from the pieces that trip
/// SQL and DSL readers (unbalanced quotes, nested comments, dollar tags, statement separators, partial keywords,
/// brackets, backslashes, non-ASCII), with a fixed seed so a failure reproduces.
/// </summary>
public class ParserFuzzTests
{
    private static readonly string[] Pieces =
    [
        "CREATE ", "TABLE ", "INDEX ", "CONCURRENTLY ", "UNIQUE ", "ALTER ", "DROP ", "COLUMN ", "ADD ", "RENAME ", "TO ", "TYPE ",
        "SET ", "NOT ", "NULL ", "DEFAULT ", "CONSTRAINT ", "FOREIGN KEY ", "CHECK ", "VALIDATE ", "UPDATE ", "DELETE ", "FROM ",
        "WHERE ", "INSERT INTO ", "TRUNCATE ", "CASCADE ", "BEGIN", "END", "CASE ", "IF ", "EXISTS ", "ON ", "WITH ", "USING ",
        "TRIGGER ", "FUNCTION ", "GENERATED ALWAYS AS (", "STORED ", "MODIFY ", "CHANGE ", "EXEC sp_rename ", "REINDEX ",
        "VACUUM FULL ", "orders", "\"quoted\"", "`tick`", "[bracket]", "public.", "t.c", "varchar(", "numeric(12,2)", "12", ",",
        "(", ")", ";", ";", "'", "''", "E'\\'", "\"", "`", "[", "]", "$$", "$tag$", "$1", "$", "--", "-- c\n", "/*", "*/",
        "/* /* */", "\n", "\r\n", "\t", " ", "GO\n", "\nGO\n", "DELIMITER //\n", "//", "--> statement-breakpoint\n",
        "-- migrate:up\n", "-- migrate:down\n", "-- +goose Up\n", "-- +goose Down\n", "-- +goose StatementBegin\n", "--changeset a:1\n", "--rollback ", "\\", "é", "\u0000", "😀", ":", "::", "=",
        "def up\n", "def down\n", "end\n", "def upgrade():\n", "    pass\n", "op.add_column(", "sa.Column(", "add_column :t, ",
        "migrations.AddField(", "knex.schema.alterTable(", "table.string(", "queryRunner.query(`", "<<~SQL\n", "SQL\n", "\"\"\"",
        "exports.up = ", "queryInterface.removeColumn(", "Schema::table(", "alter table(:t) do\n", "remove :c\n", "modify :c, :string, from: {", "use Ecto.Migration\n", "$table->dropColumn(", "->change();", "DB::table(", "$this->addSql(", "function up(): void", "#[", "queryInterface.addIndex(", "{ type: Sequelize.STRING(", "{", "}", "=>", "- changeSet:\n", "  id: 1\n", "    - addColumn:\n", "key: |\n", "<changeSet>", "</",
        "goose.AddMigrationContext(", "goose.AddNamedMigration(", "up, down)", "nil)", "func up(", "func down(", "func ", "tx.ExecContext(ctx, ", "tx.Exec(", "db.QueryRow(",
    ];

    private static readonly IMigrationFormat[] DslFormats =
        [new RailsFormat(), new EctoFormat(), new DjangoFormat(), new AlembicFormat(), new KnexFormat(), new SequelizeFormat(), new TypeOrmFormat(), new LaravelFormat(), new DoctrineFormat(), new DbmateFormat(), new GooseFormat(), new LiquibaseFormat()];

    private static readonly MigrationDatabase[] TolerantDialects =
        [MigrationDatabase.Unknown, MigrationDatabase.PostgreSql, MigrationDatabase.MySql, MigrationDatabase.Sqlite];

    [Fact]
    public void No_exception_escapes_from_reading_100000_generated_migrations()
    {
        const int Inputs = 100_000;
        var random = new Random(20260312);
        var failures = new List<string>();
        var text = new StringBuilder();
        var operations = 0;
        for (var n = 0; n < Inputs; n++)
        {
            text.Clear();
            var length = random.Next(0, 30);
            for (var k = 0; k < length; k++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var input = text.ToString();
            try
            {
                operations += SqlParsers.For(TolerantDialects[n % TolerantDialects.Length]).Parse(input).Count;

                // ScriptDom and the DSL readers are slower: a share of the inputs is enough to cover them often.
                if (n % 50 == 0)
                {
                    operations += SqlParsers.For(MigrationDatabase.SqlServer).Parse(input).Count;
                }

                if (n % 5 == 0)
                {
                    var format = DslFormats[n / 5 % DslFormats.Length];
                    // Each format comes round every 5 × DslFormats.Length inputs: alternate its second file form on those rounds.
                    var second = n / 5 / DslFormats.Length % 2 == 0;
                    var path = format is LiquibaseFormat ? (second ? "c.yaml" : "c.sql") : format is GooseFormat && second ? "00001_m.go" : "m";
                    operations += format.Read(path, (format is LiquibaseFormat && path.EndsWith(".sql", StringComparison.Ordinal) ? "--liquibase formatted sql\n" : string.Empty) + input, null, null, MigrationDatabase.Unknown).Count;
                }
            }
            catch (Exception e)
            {
                failures.Add($"input #{n} ({e.GetType().Name}: {e.Message}): {input}");
                if (failures.Count >= 5)
                {
                    break;
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(operations > Inputs / 2, $"only {operations} operations were recognised: the generator is not reaching the recognisers");
    }

    [Fact]
    public void Ef_core_reader_survives_broken_csharp()
    {
        var random = new Random(7);
        var ef = new EfCoreFormat();
        var source = "class M : Migration { protected override void Up(MigrationBuilder b) { b.DropColumn(name: \"A\", table: \"T\"); b.Sql(@\"UPDATE t SET a = 1\"); } protected override void Down(MigrationBuilder b) { throw new System.Exception(); } }";
        for (var n = 0; n < 500; n++)
        {
            var chars = source.ToCharArray();
            for (var k = 0; k < 5; k++)
            {
                chars[random.Next(chars.Length)] = "{}();\"@$ab\n"[random.Next(11)];
            }

            _ = ef.Read("M.cs", new string(chars), null, null, MigrationDatabase.Unknown);
        }

        var intact = Assert.Single(ef.Read("M.cs", source, null, null, MigrationDatabase.Unknown));
        Assert.Equal([MigrationOperationKind.DropColumn, MigrationOperationKind.UpdateData], intact.Body.Up.Select(o => o.Kind));
        Assert.Equal(DownStatus.Irreversible, intact.Body.DownStatus);
    }
}
