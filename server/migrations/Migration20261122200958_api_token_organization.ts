import { Migration } from '@mikro-orm/migrations';

export class Migration20261122200958_api_token_organization extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "api_token" add column "organization_id" int null;`);
    this.addSql(`alter table "api_token" add constraint "api_token_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop constraint "api_token_organization_id_foreign";`);

    this.addSql(`alter table "api_token" drop column "organization_id";`);
  }

}
