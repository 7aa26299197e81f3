import { MigrationInterface, QueryRunner } from "typeorm";

export class DropLegacyNote1730000000000 implements MigrationInterface {
    name = "DropLegacyNote1730000000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            "ALTER TABLE \"order\" " +
            "DROP COLUMN \"legacy_note\"",
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "order" ADD "legacy_note" character varying`);
    }
}
