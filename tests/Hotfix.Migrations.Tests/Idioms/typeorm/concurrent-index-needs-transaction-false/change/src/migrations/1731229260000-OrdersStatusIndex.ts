import { MigrationInterface, QueryRunner } from "typeorm";

export class OrdersStatusIndex1731229260000 implements MigrationInterface {
    transaction = false;

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_status" ON "orders" ("status")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_orders_status"`);
    }
}
