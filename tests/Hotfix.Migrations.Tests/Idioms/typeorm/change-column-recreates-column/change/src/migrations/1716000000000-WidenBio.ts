import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class WidenBio1716000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.changeColumn(
            "user",
            "bio",
            new TableColumn({ name: "bio", type: "varchar", length: "1000", isNullable: true }),
        );
        await queryRunner.changeColumn(
            "user",
            new TableColumn({ name: "nickname", type: "varchar", length: "50", isNullable: true }),
            new TableColumn({ name: "nickname", type: "character varying", length: "120", isNullable: true }),
        );
        await queryRunner.changeColumn(
            "user",
            "name",
            new TableColumn({ name: "name", type: "varchar", length: "100", isNullable: true, default: "''" }),
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.changeColumn(
            "user",
            "name",
            new TableColumn({ name: "name", type: "varchar", length: "100", isNullable: true }),
        );
        await queryRunner.changeColumn(
            "user",
            "nickname",
            new TableColumn({ name: "nickname", type: "varchar", length: "50", isNullable: true }),
        );
        await queryRunner.changeColumn(
            "user",
            "bio",
            new TableColumn({ name: "bio", type: "varchar", length: "500", isNullable: true }),
        );
    }
}
