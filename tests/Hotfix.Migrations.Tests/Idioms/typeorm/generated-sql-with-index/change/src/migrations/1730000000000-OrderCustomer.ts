import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

export class OrderCustomer1730000000000 implements MigrationInterface {
    name = "OrderCustomer1730000000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "orders" ADD "customerId" integer`);
        await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_e5de51ca888d8b1f5ac25799dd1" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.createIndex("orders", new TableIndex({ name: "IDX_orders_customerId", columnNames: ["customerId"] }));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropIndex("orders", "IDX_orders_customerId");
        await queryRunner.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_e5de51ca888d8b1f5ac25799dd1"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "customerId"`);
    }
}
