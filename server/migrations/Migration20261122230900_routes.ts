import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230900_routes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mentorship_form" as enum ('teacher_teacher', 'leader_teacher', 'employer_student');`);
    this.addSql(`create type "mentorship_delivery" as enum ('traditional', 'short_term', 'situational', 'speed', 'reverse', 'group', 'virtual');`);
    this.addSql(`create type "mentorship_status" as enum ('planned', 'active', 'completed', 'terminated');`);
    this.addSql(`create type "route_status" as enum ('open', 'closed', 'cancelled');`);
    this.addSql(`create type "route_step_kind" as enum ('refresher_course', 'internship', 'mentoring', 'methodical_association', 'self_study');`);
    this.addSql(`create type "step_status" as enum ('planned', 'in_progress', 'done', 'cancelled');`);
    this.addSql(`create table "mentorship" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "mentor_id" int not null, "mentee_id" int not null, "municipality_id" int not null, "form" "mentorship_form" not null, "delivery_type" "mentorship_delivery" not null default 'traditional', "programme" text null, "started_on" date not null, "ended_on" date null, "status" "mentorship_status" not null default 'active', "outcome" text null);`);
    this.addSql(`create index "mentorship_mentor_id_index" on "mentorship" ("mentor_id");`);
    this.addSql(`create index "mentorship_mentee_id_index" on "mentorship" ("mentee_id");`);
    this.addSql(`create index "mentorship_municipality_id_status_index" on "mentorship" ("municipality_id", "status");`);

    this.addSql(`create table "individual_route" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "teacher_id" int not null, "diagnostic_id" int null, "municipality_id" int not null, "targeted_deficits" "competency_area"[] not null, "status" "route_status" not null default 'open', "opened_on" date not null, "closed_on" date null, "closed_by_id" int null, "tutor" varchar(300) null);`);
    this.addSql(`create index "individual_route_teacher_id_index" on "individual_route" ("teacher_id");`);
    this.addSql(`create index "individual_route_municipality_id_status_index" on "individual_route" ("municipality_id", "status");`);

    this.addSql(`create table "route_step" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "route_id" int not null, "kind" "route_step_kind" not null, "title" varchar(500) not null, "provider" varchar(300) null, "hours" double precision null, "due_date" date null, "status" "step_status" not null default 'planned');`);
    this.addSql(`create index "route_step_route_id_index" on "route_step" ("route_id");`);

    this.addSql(`alter table "mentorship" add constraint "mentorship_mentor_id_foreign" foreign key ("mentor_id") references "teacher" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentorship" add constraint "mentorship_mentee_id_foreign" foreign key ("mentee_id") references "teacher" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mentorship" add constraint "mentorship_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "individual_route" add constraint "individual_route_teacher_id_foreign" foreign key ("teacher_id") references "teacher" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "individual_route" add constraint "individual_route_diagnostic_id_foreign" foreign key ("diagnostic_id") references "diagnostic_result" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "individual_route" add constraint "individual_route_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "individual_route" add constraint "individual_route_closed_by_id_foreign" foreign key ("closed_by_id") references "diagnostic_result" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "route_step" add constraint "route_step_route_id_foreign" foreign key ("route_id") references "individual_route" ("id") on update cascade on delete cascade;`);

    // Routes, their steps and mentorships are audited like the other tables.
    for (const table of ['individual_route', 'route_step', 'mentorship']) {
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "route_step" drop constraint "route_step_route_id_foreign";`);

    this.addSql(`drop table if exists "mentorship" cascade;`);

    this.addSql(`drop table if exists "individual_route" cascade;`);

    this.addSql(`drop table if exists "route_step" cascade;`);

    this.addSql(`drop type "mentorship_form";`);
    this.addSql(`drop type "mentorship_delivery";`);
    this.addSql(`drop type "mentorship_status";`);
    this.addSql(`drop type "route_status";`);
    this.addSql(`drop type "route_step_kind";`);
    this.addSql(`drop type "step_status";`);
  }

}
