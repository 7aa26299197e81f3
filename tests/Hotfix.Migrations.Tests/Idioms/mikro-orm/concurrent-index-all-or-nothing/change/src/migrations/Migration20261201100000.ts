import { Migration } from '@mikro-orm/migrations';

export class Migration20261201100000 extends Migration {

  override isTransactional(): boolean {
    return false;
  }

  override async up(): Promise<void> {
    this.addSql('create index concurrently "order_placed_at_index" on "order" ("placed_at");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index concurrently "order_placed_at_index";');
  }

}
