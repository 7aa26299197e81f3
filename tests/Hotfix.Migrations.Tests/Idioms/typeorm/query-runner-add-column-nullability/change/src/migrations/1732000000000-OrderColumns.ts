import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class OrderColumns1732000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.addColumn("order", new TableColumn({ name: "note", type: "varchar", length: "500", isNullable: true }));
        await queryRunner.addColumn("order", new TableColumn({ name: "publicId", type: "uuid", isGenerated: true, generationStrategy: "uuid" }));
        await queryRunner.addColumn("order", new TableColumn({ name: "currency", type: "char", length: "3", default: "'EUR'" }));
        await queryRunner.addColumn("order", new TableColumn({ name: "channel", type: "varchar", length: "20" }));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropColumn("order", "channel");
        await queryRunner.dropColumn("order", "currency");
        await queryRunner.dropColumn("order", "publicId");
        await queryRunner.dropColumn("order", "note");
    }
}
