import { Migration } from '@mikro-orm/migrations';

export class Migration20261123033147_views extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "saved_view" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "owner_id" int not null, "page" varchar(64) not null, "name" varchar(120) not null, "state" jsonb not null, "shared" boolean not null default false, "slug" varchar(22) not null, "is_default" boolean not null default false, constraint saved_view_slug_check check (((slug)::text ~ '^[A-Za-z0-9_-]{22}\$'::text)), constraint saved_view_state_check check ((jsonb_typeof(state) = 'object'::text)), constraint saved_view_name_check check (((char_length((name)::text) >= 1) AND (btrim((name)::text) = (name)::text))), constraint saved_view_page_check check (((page)::text ~ '^[a-z0-9/-]{1,64}\$'::text)));`);
    this.addSql(`alter table "saved_view" add constraint "saved_view_slug_unique" unique ("slug");`);
    this.addSql(`create unique index "saved_view_default_key" on "saved_view" ("owner_id", "page") where "is_default";`);
    this.addSql(`alter table "saved_view" add constraint "saved_view_owner_id_page_name_unique" unique ("owner_id", "page", "name");`);

    // Saved views are a person's preferences, not hub data: no audit_row() trigger.
    this.addSql(`alter table "saved_view" add constraint "saved_view_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_view" cascade;`);
  }

}
