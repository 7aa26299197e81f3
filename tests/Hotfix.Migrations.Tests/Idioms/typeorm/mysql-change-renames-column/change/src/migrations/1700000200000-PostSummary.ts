import { MigrationInterface, QueryRunner } from "typeorm";

export class PostSummary1700000200000 implements MigrationInterface {
    name = 'PostSummary1700000200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`post\` ADD \`summary\` varchar(255) NULL`);
        await queryRunner.query(`ALTER TABLE \`post\` CHANGE \`title\` \`headline\` varchar(255) NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`post\` CHANGE \`headline\` \`title\` varchar(255) NOT NULL`);
        await queryRunner.query(`ALTER TABLE \`post\` DROP COLUMN \`summary\``);
    }
}
