import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230046_teachers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "qualification_category" as enum ('none', 'position_match', 'first', 'highest', 'methodist', 'mentor');`);
    this.addSql(`create type "competency_area" as enum ('normative_legal', 'subject', 'methodical', 'psychological_pedagogical', 'digital', 'communicative');`);
    this.addSql(`create table "diagnostic_campaign" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" varchar(60) not null, "name" varchar(300) not null, "operator" varchar(300) null, "instrument" varchar(300) null, "held_on" date not null, "areas" jsonb not null);`);
    this.addSql(`alter table "diagnostic_campaign" add constraint "diagnostic_campaign_code_unique" unique ("code");`);

    this.addSql(`create table "teacher" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "personnel_code" varchar(40) not null, "organization_id" int not null, "municipality_id" int not null, "full_name" varchar(300) null, "birth_year" smallint null, "subjects" jsonb not null default '[]', "position" varchar(120) null, "category" "qualification_category" not null default 'none', "total_experience_years" double precision null, "teaching_experience_years" double precision null, "hire_date" date null);`);
    this.addSql(`alter table "teacher" add constraint "teacher_personnel_code_unique" unique ("personnel_code");`);
    this.addSql(`create index "teacher_organization_id_index" on "teacher" ("organization_id");`);
    this.addSql(`create index "teacher_municipality_id_organization_id_index" on "teacher" ("municipality_id", "organization_id");`);

    this.addSql(`create table "diagnostic_result" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "campaign_id" int not null, "teacher_id" int not null, "organization_id" int not null, "municipality_id" int not null, "scores" jsonb not null, "deficits" "competency_area"[] not null);`);
    this.addSql(`create index "diagnostic_result_teacher_id_index" on "diagnostic_result" ("teacher_id");`);
    this.addSql(`create index "diagnostic_result_municipality_id_campaign_id_index" on "diagnostic_result" ("municipality_id", "campaign_id");`);
    this.addSql(`alter table "diagnostic_result" add constraint "diagnostic_result_campaign_id_teacher_id_unique" unique ("campaign_id", "teacher_id");`);

    this.addSql(`create table "teacher_assignment" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "teacher_id" int not null, "organization_id" int not null, "started_on" date not null, "ended_on" date null);`);
    this.addSql(`create index "teacher_assignment_teacher_id_started_on_index" on "teacher_assignment" ("teacher_id", "started_on");`);

    this.addSql(`alter table "teacher" add constraint "teacher_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "teacher" add constraint "teacher_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "diagnostic_result" add constraint "diagnostic_result_campaign_id_foreign" foreign key ("campaign_id") references "diagnostic_campaign" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "diagnostic_result" add constraint "diagnostic_result_teacher_id_foreign" foreign key ("teacher_id") references "teacher" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "diagnostic_result" add constraint "diagnostic_result_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "diagnostic_result" add constraint "diagnostic_result_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "teacher_assignment" add constraint "teacher_assignment_teacher_id_foreign" foreign key ("teacher_id") references "teacher" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "teacher_assignment" add constraint "teacher_assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    // Teachers, their moves, campaigns and results are audited like the other tables.
    for (const table of ['teacher', 'teacher_assignment', 'diagnostic_campaign', 'diagnostic_result']) {
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "diagnostic_result" drop constraint "diagnostic_result_campaign_id_foreign";`);

    this.addSql(`alter table "diagnostic_result" drop constraint "diagnostic_result_teacher_id_foreign";`);

    this.addSql(`alter table "teacher_assignment" drop constraint "teacher_assignment_teacher_id_foreign";`);

    this.addSql(`drop table if exists "diagnostic_campaign" cascade;`);

    this.addSql(`drop table if exists "teacher" cascade;`);

    this.addSql(`drop table if exists "diagnostic_result" cascade;`);

    this.addSql(`drop table if exists "teacher_assignment" cascade;`);

    this.addSql(`drop type "qualification_category";`);
    this.addSql(`drop type "competency_area";`);
  }

}
