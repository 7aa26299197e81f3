import { Migration } from '@mikro-orm/migrations';

export class Migration20261201090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql('create index concurrently "order_customer_id_index" on "order" ("customer_id");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index concurrently "order_customer_id_index";');
  }

}
