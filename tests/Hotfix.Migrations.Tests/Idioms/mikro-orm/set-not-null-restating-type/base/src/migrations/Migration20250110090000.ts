import { Migration } from '@mikro-orm/migrations';

export class Migration20250110090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user" ("id" serial primary key, "email" varchar(255) not null, "name" varchar(255) null, "bio" varchar(500) null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user" cascade;`);
  }

}
