import { Migration } from '@mikro-orm/migrations';

export class Migration20261122210755_assessments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "procedure_kind" as enum ('vpr', 'vpr_controlled', 'oge', 'gve_9', 'ege', 'gve_11', 'interview_9', 'essay_11', 'niko', 'regional_diagnostic', 'functional_literacy', 'municipal');`);
    this.addSql(`create type "objectivity_sign_kind" as enum ('high_vs_region', 'task_profile', 'mark_vs_journal', 'mark_distribution', 'not_confirmed_by_gia', 'control_sample_gap', 'medalist_nonconfirmation');`);
    this.addSql(`create type "low_result_kind" as enum ('shnor', 'shnsu', 'risk_zone');`);
    this.addSql(`create table "assessment_procedure" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" varchar(60) not null, "kind" "procedure_kind" not null, "subject" varchar(120) not null, "grade" smallint null, "year" smallint not null, "max_score" double precision not null, "tasks" jsonb not null default '[]', "mark_thresholds" jsonb not null default '{}');`);
    this.addSql(`alter table "assessment_procedure" add constraint "assessment_procedure_code_unique" unique ("code");`);
    this.addSql(`alter table "assessment_procedure" add constraint "assessment_procedure_kind_subject_grade_year_unique" unique ("kind", "subject", "grade", "year");`);

    this.addSql(`create table "pupil_result" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "procedure_id" int not null, "organization_id" int not null, "pupil_code" varchar(40) not null, "primary_score" double precision not null, "mark" smallint null, "journal_mark" smallint null, "task_scores" jsonb null);`);
    this.addSql(`create index "pupil_result_organization_id_index" on "pupil_result" ("organization_id");`);
    this.addSql(`alter table "pupil_result" add constraint "pupil_result_procedure_id_pupil_code_unique" unique ("procedure_id", "pupil_code");`);

    this.addSql(`create table "objectivity_sign" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" int not null, "municipality_id" int not null, "procedure_id" int not null, "year" smallint not null, "sign" "objectivity_sign_kind" not null, "metric" double precision not null, "threshold" double precision not null, "method_version" varchar(60) not null, "evidence" text not null);`);
    this.addSql(`create index "objectivity_sign_organization_id_index" on "objectivity_sign" ("organization_id");`);
    this.addSql(`create index "objectivity_sign_municipality_id_index" on "objectivity_sign" ("municipality_id");`);
    this.addSql(`alter table "objectivity_sign" add constraint "objectivity_sign_organization_id_procedure_id_sign_unique" unique ("organization_id", "procedure_id", "sign");`);

    this.addSql(`create table "low_result_status" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" int not null, "municipality_id" int not null, "year" smallint not null, "kind" "low_result_kind" not null, "rule" varchar(80) not null, "evidence" text not null);`);
    this.addSql(`create index "low_result_status_organization_id_index" on "low_result_status" ("organization_id");`);
    this.addSql(`create index "low_result_status_municipality_id_index" on "low_result_status" ("municipality_id");`);
    this.addSql(`alter table "low_result_status" add constraint "low_result_status_organization_id_year_kind_unique" unique ("organization_id", "year", "kind");`);

    this.addSql(`create table "assessment_result" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "procedure_id" int not null, "organization_id" int not null, "municipality_id" int not null, "participants" int not null, "mark2" int null, "mark3" int null, "mark4" int null, "mark5" int null, "mean_score" double precision null, "score_sd" double precision null, "mean_percent" double precision null, "task_completion" jsonb null, "journal_lowered" int null, "journal_confirmed" int null, "journal_raised" int null, "below_minimum" int null, "medalists" int null, "medalists_below_requirement" int null, "score_histogram" jsonb null);`);
    this.addSql(`create index "assessment_result_organization_id_index" on "assessment_result" ("organization_id");`);
    this.addSql(`create index "assessment_result_municipality_id_procedure_id_index" on "assessment_result" ("municipality_id", "procedure_id");`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_procedure_id_organization_id_unique" unique ("procedure_id", "organization_id");`);

    this.addSql(`alter table "pupil_result" add constraint "pupil_result_procedure_id_foreign" foreign key ("procedure_id") references "assessment_procedure" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pupil_result" add constraint "pupil_result_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "objectivity_sign" add constraint "objectivity_sign_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objectivity_sign" add constraint "objectivity_sign_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "objectivity_sign" add constraint "objectivity_sign_procedure_id_foreign" foreign key ("procedure_id") references "assessment_procedure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "low_result_status" add constraint "low_result_status_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "low_result_status" add constraint "low_result_status_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "assessment_result" add constraint "assessment_result_procedure_id_foreign" foreign key ("procedure_id") references "assessment_procedure" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    // Every write of procedures and results is audited like the other tables (audit_row() comes
    // from the audit migration); computed signs and statuses carry their rule and evidence instead.
    for (const table of ['assessment_procedure', 'assessment_result', 'pupil_result']) {
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pupil_result" drop constraint "pupil_result_procedure_id_foreign";`);

    this.addSql(`alter table "objectivity_sign" drop constraint "objectivity_sign_procedure_id_foreign";`);

    this.addSql(`alter table "assessment_result" drop constraint "assessment_result_procedure_id_foreign";`);

    this.addSql(`drop table if exists "assessment_procedure" cascade;`);

    this.addSql(`drop table if exists "pupil_result" cascade;`);

    this.addSql(`drop table if exists "objectivity_sign" cascade;`);

    this.addSql(`drop table if exists "low_result_status" cascade;`);

    this.addSql(`drop table if exists "assessment_result" cascade;`);

    this.addSql(`drop type "procedure_kind";`);
    this.addSql(`drop type "objectivity_sign_kind";`);
    this.addSql(`drop type "low_result_kind";`);
  }

}
