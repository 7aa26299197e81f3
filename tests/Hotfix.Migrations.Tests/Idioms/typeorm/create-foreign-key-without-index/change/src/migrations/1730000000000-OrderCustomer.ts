import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from "typeorm";

export class OrderCustomer1730000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.addColumn("orders", new TableColumn({ name: "customerId", type: "int", isNullable: true }));
        await queryRunner.createForeignKey("orders", new TableForeignKey({
            columnNames: ["customerId"],
            referencedColumnNames: ["id"],
            referencedTableName: "customers",
            onDelete: "SET NULL",
        }));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropForeignKey("orders", "FK_orders_customerId");
        await queryRunner.dropColumn("orders", "customerId");
    }
}
