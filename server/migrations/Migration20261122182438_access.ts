import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182438_access extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "role" as enum ('admin', 'regional_analyst', 'municipal_methodologist', 'school_coordinator', 'dashboard');`);
    this.addSql(`create table "app_setting" ("key" varchar(100) not null, "value" text not null, constraint "app_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "app_user" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "login" varchar(100) not null, "password_hash" varchar(100) not null, "display_name" varchar(200) not null, "role" "role" not null, "region_id" int null, "municipality_id" int null, "organization_id" int null, "active" boolean not null default true);`);
    this.addSql(`alter table "app_user" add constraint "app_user_login_unique" unique ("login");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "role" "role" not null, "region_id" int null, "municipality_id" int null, "created_by_id" int not null, "expires_at" timestamptz null, "revoked_at" timestamptz null);`);

    this.addSql(`alter table "app_user" add constraint "app_user_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "api_token" add constraint "api_token_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "api_token" add constraint "api_token_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop constraint "api_token_created_by_id_foreign";`);

    this.addSql(`drop table if exists "app_setting" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop type "role";`);
  }

}
