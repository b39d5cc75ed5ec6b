import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172045_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "municipality_type" as enum ('municipal_district', 'municipal_okrug', 'urban_okrug', 'urban_okrug_with_division', 'intracity_territory');`);
    this.addSql(`create type "organization_kind" as enum ('school', 'preschool', 'supplementary', 'other');`);
    this.addSql(`create type "settlement" as enum ('urban', 'rural');`);
    this.addSql(`create type "schedule_kind" as enum ('once', 'annual', 'semiannual', 'quarterly', 'monthly', 'permanent', 'by_event', 'on_demand', 'period', 'unknown');`);
    this.addSql(`create type "occurrence_status" as enum ('planned', 'in_progress', 'done', 'cancelled');`);
    this.addSql(`create table "cycle_component" ("code" int not null, "name" varchar(200) not null, constraint "cycle_component_pkey" primary key ("code"));`);

    this.addSql(`create table "direction" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(16) not null, "name" varchar(300) not null, "short_name" varchar(100) not null, "parent_id" int null, "group" varchar(8) not null, "sort_order" int not null);`);
    this.addSql(`alter table "direction" add constraint "direction_code_unique" unique ("code");`);

    this.addSql(`create table "region" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(8) not null, "name" varchar(200) not null, "federal_district" varchar(100) null);`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);

    this.addSql(`create table "municipality" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "region_id" int not null, "name" varchar(300) not null, "short_name" varchar(120) not null, "type" "municipality_type" not null, "oktmo" varchar(11) null);`);
    this.addSql(`alter table "municipality" add constraint "municipality_region_id_name_unique" unique ("region_id", "name");`);

    this.addSql(`create table "organization" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "municipality_id" int not null, "name" varchar(500) not null, "short_name" varchar(200) null, "kind" "organization_kind" not null, "settlement" "settlement" null, "low_results" boolean not null default false, "unfavourable_conditions" boolean not null default false, "risk_zone" boolean not null default false, "enrolment" int null);`);
    this.addSql(`create index "organization_municipality_id_index" on "organization" ("municipality_id");`);

    this.addSql(`create table "executor" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "municipality_id" int not null, "name" varchar(300) not null, "full_name" text null);`);
    this.addSql(`alter table "executor" add constraint "executor_municipality_id_name_unique" unique ("municipality_id", "name");`);

    this.addSql(`create table "roadmap" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "municipality_id" int not null, "title" text not null, "order_number" varchar(50) null, "order_date" date null, "period_start" date not null, "period_end" date not null, "source_file_name" varchar(300) null, "abbreviations" jsonb not null);`);
    this.addSql(`create index "roadmap_municipality_id_index" on "roadmap" ("municipality_id");`);

    this.addSql(`create table "roadmap_section" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "roadmap_id" int not null, "number" varchar(20) not null, "title" text not null, "direction_id" int null, "sort_order" int not null);`);
    this.addSql(`create index "roadmap_section_direction_id_index" on "roadmap_section" ("direction_id");`);
    this.addSql(`alter table "roadmap_section" add constraint "roadmap_section_roadmap_id_number_unique" unique ("roadmap_id", "number");`);

    this.addSql(`create table "activity" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "section_id" int not null, "number" varchar(30) not null, "sort_key" varchar(60) not null, "text" text not null, "deadline_text" text not null default '', "responsible_text" text not null default '', "schedule_kind" "schedule_kind" not null default 'unknown', "schedule" jsonb not null, "cycle_component_code" int null);`);
    this.addSql(`create index "activity_sort_key_index" on "activity" ("sort_key");`);
    this.addSql(`alter table "activity" add constraint "activity_section_id_number_unique" unique ("section_id", "number");`);

    this.addSql(`create table "activity_occurrence" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "activity_id" int not null, "due_date" date not null, "status" "occurrence_status" not null default 'planned', "report_text" text null, "evidence_url" varchar(1000) null, "completed_at" timestamptz null);`);
    this.addSql(`create index "activity_occurrence_due_date_index" on "activity_occurrence" ("due_date");`);
    this.addSql(`alter table "activity_occurrence" add constraint "activity_occurrence_activity_id_due_date_unique" unique ("activity_id", "due_date");`);

    this.addSql(`create table "activity_executor" ("activity_id" int not null, "executor_id" int not null, constraint "activity_executor_pkey" primary key ("activity_id", "executor_id"));`);

    this.addSql(`alter table "direction" add constraint "direction_parent_id_foreign" foreign key ("parent_id") references "direction" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "municipality" add constraint "municipality_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organization" add constraint "organization_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "executor" add constraint "executor_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "roadmap" add constraint "roadmap_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "roadmap_section" add constraint "roadmap_section_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "roadmap_section" add constraint "roadmap_section_direction_id_foreign" foreign key ("direction_id") references "direction" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity" add constraint "activity_section_id_foreign" foreign key ("section_id") references "roadmap_section" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_cycle_component_code_foreign" foreign key ("cycle_component_code") references "cycle_component" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "activity_occurrence" add constraint "activity_occurrence_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activity_executor" add constraint "activity_executor_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_executor" add constraint "activity_executor_executor_id_foreign" foreign key ("executor_id") references "executor" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "activity" drop constraint "activity_cycle_component_code_foreign";`);

    this.addSql(`alter table "direction" drop constraint "direction_parent_id_foreign";`);

    this.addSql(`alter table "roadmap_section" drop constraint "roadmap_section_direction_id_foreign";`);

    this.addSql(`alter table "municipality" drop constraint "municipality_region_id_foreign";`);

    this.addSql(`alter table "organization" drop constraint "organization_municipality_id_foreign";`);

    this.addSql(`alter table "executor" drop constraint "executor_municipality_id_foreign";`);

    this.addSql(`alter table "roadmap" drop constraint "roadmap_municipality_id_foreign";`);

    this.addSql(`alter table "activity_executor" drop constraint "activity_executor_executor_id_foreign";`);

    this.addSql(`alter table "roadmap_section" drop constraint "roadmap_section_roadmap_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_section_id_foreign";`);

    this.addSql(`alter table "activity_occurrence" drop constraint "activity_occurrence_activity_id_foreign";`);

    this.addSql(`alter table "activity_executor" drop constraint "activity_executor_activity_id_foreign";`);

    this.addSql(`drop table if exists "cycle_component" cascade;`);

    this.addSql(`drop table if exists "direction" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "executor" cascade;`);

    this.addSql(`drop table if exists "roadmap" cascade;`);

    this.addSql(`drop table if exists "roadmap_section" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "activity_occurrence" cascade;`);

    this.addSql(`drop table if exists "activity_executor" cascade;`);

    this.addSql(`drop type "municipality_type";`);
    this.addSql(`drop type "organization_kind";`);
    this.addSql(`drop type "settlement";`);
    this.addSql(`drop type "schedule_kind";`);
    this.addSql(`drop type "occurrence_status";`);
  }

}
