import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1714000000000 implements MigrationInterface {
    name = "Init1714000000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "user" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, "name" character varying(100), "bio" character varying(500), "nickname" character varying(50), CONSTRAINT "PK_user" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "user"`);
    }
}
