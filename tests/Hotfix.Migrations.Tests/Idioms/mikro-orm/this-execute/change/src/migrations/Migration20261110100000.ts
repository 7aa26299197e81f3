import { Migration } from '@mikro-orm/migrations';

export class Migration20261110100000 extends Migration {

  override async up(): Promise<void> {
    await this.execute('alter table "customer" drop column "tier";');
    await this.execute(`delete from "order";`);
  }

  override async down(): Promise<void> {
    await this.execute('alter table "customer" add column "tier" varchar(20) null;');
  }

}
