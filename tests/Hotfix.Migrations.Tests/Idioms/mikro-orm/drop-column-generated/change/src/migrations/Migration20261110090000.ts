import { Migration } from '@mikro-orm/migrations';

export class Migration20261110090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" drop column "fax";`);
    this.addSql(`create index "order_status_index" on "order" ("status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "order_status_index";`);
    this.addSql(`alter table "customer" add column "fax" varchar(30) null;`);
  }

}
