import { Migration } from '@mikro-orm/migrations';

export class Migration20261122195748_indicators extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "indicator_unit" as enum ('percent', 'count', 'score', 'per_1000', 'index_0_100', 'boolean');`);
    this.addSql(`create type "polarity" as enum ('higher_better', 'lower_better');`);
    this.addSql(`create type "indicator_level" as enum ('organization', 'municipality');`);
    this.addSql(`create type "aggregation_rule" as enum ('sum', 'ratio_of_sums', 'enrolment_weighted_mean', 'min', 'max');`);
    this.addSql(`create type "period_kind" as enum ('year', 'academic_year', 'quarter');`);
    this.addSql(`create type "value_source" as enum ('manual', 'import', 'computed', 'demo');`);
    this.addSql(`create table "indicator" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" varchar(40) not null, "name" varchar(500) not null, "name_en" varchar(500) not null, "description" text not null default '', "direction_id" int not null, "unit" "indicator_unit" not null, "polarity" "polarity" not null, "level" "indicator_level" not null, "aggregation" "aggregation_rule" not null, "period_kind" "period_kind" not null, "numerator_definition" text not null, "denominator_definition" text null, "source" varchar(300) not null, "target" double precision null);`);
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);
    this.addSql(`create index "indicator_direction_id_index" on "indicator" ("direction_id");`);

    this.addSql(`create table "indicator_value" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "indicator_id" int not null, "municipality_id" int not null, "organization_id" int null, "period" varchar(9) not null, "period_kind" "period_kind" not null, "period_start" date not null, "value" double precision not null, "numerator" double precision null, "denominator" double precision null, "comment" text null, "source" "value_source" not null);`);
    this.addSql(`create index "indicator_value_organization_id_index" on "indicator_value" ("organization_id");`);
    this.addSql(`create index "indicator_value_indicator_id_period_municipality_id_index" on "indicator_value" ("indicator_id", "period", "municipality_id");`);

    this.addSql(`alter table "indicator" add constraint "indicator_direction_id_foreign" foreign key ("direction_id") references "direction" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "indicator_value" add constraint "indicator_value_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    // Existing rows get a code from their ids; seeds and imports set meaningful ones.
    this.addSql(`alter table "municipality" add column "code" varchar(40) null, add column "demo" boolean not null default false;`);
    this.addSql(`update "municipality" m set "code" = r."code" || '-' || m."id" from "region" r where r."id" = m."region_id";`);
    this.addSql(`alter table "municipality" alter column "code" set not null;`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);

    this.addSql(`alter table "organization" add column "code" varchar(40) null, add column "demo" boolean not null default false;`);
    this.addSql(`update "organization" set "code" = 'org-' || "id";`);
    this.addSql(`alter table "organization" alter column "code" set not null;`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);

    // Natural keys of a value: (indicator, organization, period) or, for a municipality's own
    // value, (indicator, municipality, period).
    this.addSql(`create unique index "indicator_value_organization_key" on "indicator_value" ("indicator_id", "organization_id", "period") where "organization_id" is not null;`);
    this.addSql(`create unique index "indicator_value_municipality_key" on "indicator_value" ("indicator_id", "municipality_id", "period") where "organization_id" is null;`);

    // Every write is audited like the other tables (audit_row() comes from the audit migration).
    for (const table of ['indicator', 'indicator_value']) {
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_indicator_id_foreign";`);


    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_value" cascade;`);

    this.addSql(`alter table "municipality" drop constraint "municipality_code_unique";`);
    this.addSql(`alter table "municipality" drop column "code", drop column "demo";`);

    this.addSql(`alter table "organization" drop constraint "organization_code_unique";`);
    this.addSql(`alter table "organization" drop column "code", drop column "demo";`);

    this.addSql(`drop type "indicator_unit";`);
    this.addSql(`drop type "polarity";`);
    this.addSql(`drop type "indicator_level";`);
    this.addSql(`drop type "aggregation_rule";`);
    this.addSql(`drop type "period_kind";`);
    this.addSql(`drop type "value_source";`);
  }

}
