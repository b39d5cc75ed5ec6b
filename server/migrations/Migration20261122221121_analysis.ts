import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221121_analysis extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "school_type" as enum ('nosh', 'oosh', 'sosh', 'sosh_uiop', 'gymnasium', 'lyceum', 'boarding', 'cadet', 'evening', 'correctional', 'education_centre');`);
    this.addSql(`create table "assessment_analysis_run" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "region_id" int not null, "year" smallint not null, "thresholds" jsonb not null, "actor" varchar(200) not null, "results" int not null, "signs" int not null, "flagged_schools" int not null, "shnor" int not null, "shnsu" int not null, "risk_zone" int not null, "objectivity_excluded" int not null, "indicator_values" int not null);`);
    this.addSql(`create index "assessment_analysis_run_region_id_year_index" on "assessment_analysis_run" ("region_id", "year");`);

    this.addSql(`alter table "assessment_analysis_run" add constraint "assessment_analysis_run_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organization" add column "school_type" "school_type" null, add column "objectivity_risk" boolean not null default false;`);

    this.addSql(`alter table "objectivity_sign" add column "run_id" int null, add column "criterion" varchar(40) not null;`);
    this.addSql(`alter table "objectivity_sign" add constraint "objectivity_sign_run_id_foreign" foreign key ("run_id") references "assessment_analysis_run" ("id") on update cascade on delete set null;`);

    this.addSql(`alter type "low_result_kind" add value if not exists 'objectivity_excluded' after 'risk_zone';`);

    this.addSql(`alter table "low_result_status" add column "run_id" int null, add column "metric" double precision null, add column "threshold" double precision null;`);
    this.addSql(`alter table "low_result_status" add constraint "low_result_status_run_id_foreign" foreign key ("run_id") references "assessment_analysis_run" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "objectivity_sign" drop constraint "objectivity_sign_run_id_foreign";`);

    this.addSql(`alter table "low_result_status" drop constraint "low_result_status_run_id_foreign";`);

    this.addSql(`drop table if exists "assessment_analysis_run" cascade;`);

    this.addSql(`alter table "low_result_status" drop column "run_id", drop column "metric", drop column "threshold";`);

    this.addSql(`alter table "objectivity_sign" drop column "run_id", drop column "criterion";`);

    this.addSql(`alter table "organization" drop column "school_type", drop column "objectivity_risk";`);

    this.addSql(`drop type "school_type";`);
  }

}
