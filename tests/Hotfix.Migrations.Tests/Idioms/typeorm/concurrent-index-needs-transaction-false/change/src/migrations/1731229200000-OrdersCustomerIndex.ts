import { MigrationInterface, QueryRunner } from "typeorm";

export class OrdersCustomerIndex1731229200000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_customer" ON "orders" ("customer_id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_orders_customer"`);
    }
}
