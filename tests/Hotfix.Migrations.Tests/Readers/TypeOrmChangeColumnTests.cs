using Hotfix.Policy.Changes;

namespace Hotfix.Migrations.Tests.Readers;

/// <summary>TypeORM's changeColumn recreates a column whose type changes; the report says so, not only "drops column".</summary>
public class TypeOrmChangeColumnTests
{
    private const string Migration = """
        import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

        export class WidenBio1716000000000 implements MigrationInterface {
            public async up(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.changeColumn("user", "bio", new TableColumn({ name: "bio", type: "varchar", length: "1000", isNullable: true }));
            }

            public async down(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.changeColumn("user", "bio", new TableColumn({ name: "bio", type: "varchar", length: "500", isNullable: true }));
            }
        }
        """;

    [Fact]
    public void A_type_change_through_changeColumn_is_noted_as_a_recreated_column()
    {
        var changes = new ChangeSet("main", "base", "head",
        [
            new FileChange(FileChangeKind.Added, "src/migrations/1716000000000-WidenBio.ts", null, EntryMode.Missing, EntryMode.File, null, "x", () => null, () => FileContent.FromText(Migration)),
        ]);

        var migration = Assert.Single(MigrationFact.From(changes, reader: null).Migrations);

        Assert.Contains(migration.Notes, n => n.Contains("varchar(500) -> varchar(1000)", StringComparison.Ordinal)
            && n.Contains("drops the column and adds it again", StringComparison.Ordinal) && n.Contains("line 5", StringComparison.Ordinal));
    }
}
