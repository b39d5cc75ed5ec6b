import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010713_olympiads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "olympiad_kind" as enum ('vsosh', 'regional', 'other');`);
    this.addSql(`create type "olympiad_stage" as enum ('school', 'municipal', 'regional', 'final');`);
    this.addSql(`create type "olympiad_status" as enum ('participant', 'prize_winner', 'winner');`);
    this.addSql(`create table "olympiad" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" varchar(40) not null, "name" varchar(300) not null, "kind" "olympiad_kind" not null);`);
    this.addSql(`alter table "olympiad" add constraint "olympiad_code_unique" unique ("code");`);

    this.addSql(`create table "olympiad_subject" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(20) not null, "name" varchar(120) not null, "name_en" varchar(120) not null, "grade_four_allowed" boolean not null default false, "sirius_online" boolean not null default false, "position" smallint not null);`);
    this.addSql(`alter table "olympiad_subject" add constraint "olympiad_subject_code_unique" unique ("code");`);

    this.addSql(`create table "grade_enrolment" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" int not null, "municipality_id" int not null, "year" smallint not null, "grade" smallint not null, "pupils" int not null);`);
    this.addSql(`alter table "grade_enrolment" add constraint "grade_enrolment_organization_id_year_grade_unique" unique ("organization_id", "year", "grade");`);

    this.addSql(`create table "student" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" varchar(40) not null, "organization_id" int not null, "municipality_id" int not null, "grade" smallint not null, "birth_year" smallint null, "full_name" varchar(300) null);`);
    this.addSql(`alter table "student" add constraint "student_code_unique" unique ("code");`);
    this.addSql(`create index "student_organization_id_index" on "student" ("organization_id");`);
    this.addSql(`create index "student_municipality_id_organization_id_index" on "student" ("municipality_id", "organization_id");`);

    this.addSql(`create table "olympiad_record" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "olympiad_id" int not null, "year" smallint not null, "subject_id" int not null, "stage" "olympiad_stage" not null, "student_id" int not null, "organization_id" int not null, "municipality_id" int not null, "grade_actual" smallint not null, "grade_performed" smallint not null, "score" double precision not null, "max_score" double precision not null, "status" "olympiad_status" not null);`);
    this.addSql(`create index "olympiad_record_student_id_index" on "olympiad_record" ("student_id");`);
    this.addSql(`create index "olympiad_record_organization_id_year_index" on "olympiad_record" ("organization_id", "year");`);
    this.addSql(`create index "olympiad_record_municipality_id_year_stage_index" on "olympiad_record" ("municipality_id", "year", "stage");`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_olympiad_id_year_subject_id_stage_1bae7_unique" unique ("olympiad_id", "year", "subject_id", "stage", "student_id");`);

    this.addSql(`alter table "grade_enrolment" add constraint "grade_enrolment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "grade_enrolment" add constraint "grade_enrolment_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "student" add constraint "student_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "student" add constraint "student_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_olympiad_id_foreign" foreign key ("olympiad_id") references "olympiad" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_subject_id_foreign" foreign key ("subject_id") references "olympiad_subject" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete restrict;`);
    // Grades 1–11, scores within the maximum: the database refuses what the service would.
    this.addSql(`alter table "student" add constraint "student_grade_check" check ("grade" between 1 and 11);`);
    this.addSql(`alter table "grade_enrolment" add constraint "grade_enrolment_grade_check" check ("grade" between 1 and 11 and "pupils" >= 0);`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_grades_check" check ("grade_actual" between 1 and 11 and "grade_performed" between "grade_actual" and 11);`);
    this.addSql(`alter table "olympiad_record" add constraint "olympiad_record_score_check" check ("max_score" > 0 and "score" between 0 and "max_score");`);

    // The 24 subjects of ВсОШ (DOMAIN.md §2 [R, S18]; «Труд (технология)» and ОБЗР are the
    // current names [K]); grade 4 writes only Russian and mathematics; six subjects run the
    // school stage online on «Сириус» since 2021 [R, S18].
    this.addSql(`insert into "olympiad_subject" ("code", "name", "name_en", "grade_four_allowed", "sirius_online", "position") values
  ('MATH', 'Математика', 'Mathematics', true, true, 1),
  ('RUS', 'Русский язык', 'Russian', true, false, 2),
  ('ENG', 'Английский язык', 'English', false, false, 3),
  ('GER', 'Немецкий язык', 'German', false, false, 4),
  ('FRE', 'Французский язык', 'French', false, false, 5),
  ('SPA', 'Испанский язык', 'Spanish', false, false, 6),
  ('CHI', 'Китайский язык', 'Chinese', false, false, 7),
  ('ITA', 'Итальянский язык', 'Italian', false, false, 8),
  ('INF', 'Информатика', 'Computer science', false, true, 9),
  ('PHYS', 'Физика', 'Physics', false, true, 10),
  ('CHEM', 'Химия', 'Chemistry', false, true, 11),
  ('BIO', 'Биология', 'Biology', false, true, 12),
  ('ECOL', 'Экология', 'Ecology', false, false, 13),
  ('GEO', 'География', 'Geography', false, false, 14),
  ('ASTR', 'Астрономия', 'Astronomy', false, true, 15),
  ('LIT', 'Литература', 'Literature', false, false, 16),
  ('HIST', 'История', 'History', false, false, 17),
  ('SOC', 'Обществознание', 'Social studies', false, false, 18),
  ('ECON', 'Экономика', 'Economics', false, false, 19),
  ('LAW', 'Право', 'Law', false, false, 20),
  ('ART', 'Искусство (МХК)', 'Art (world art culture)', false, false, 21),
  ('PE', 'Физическая культура', 'Physical education', false, false, 22),
  ('TECH', 'Труд (технология)', 'Labour (technology)', false, false, 23),
  ('OBZR', 'Основы безопасности и защиты Родины', 'Basics of safety and defence of the Motherland', false, false, 24);`);
    this.addSql(`insert into "olympiad" ("code", "name", "kind") values ('VSOSH', 'Всероссийская олимпиада школьников', 'vsosh');`);

    // Pupils, records, enrolments and the olympiad directory are audited like the other tables.
    for (const table of ['olympiad', 'student', 'olympiad_record', 'grade_enrolment']) {
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "olympiad_record" drop constraint "olympiad_record_olympiad_id_foreign";`);

    this.addSql(`alter table "olympiad_record" drop constraint "olympiad_record_subject_id_foreign";`);

    this.addSql(`alter table "olympiad_record" drop constraint "olympiad_record_student_id_foreign";`);

    this.addSql(`drop table if exists "olympiad" cascade;`);

    this.addSql(`drop table if exists "olympiad_subject" cascade;`);

    this.addSql(`drop table if exists "grade_enrolment" cascade;`);

    this.addSql(`drop table if exists "student" cascade;`);

    this.addSql(`drop table if exists "olympiad_record" cascade;`);

    this.addSql(`drop type "olympiad_kind";`);
    this.addSql(`drop type "olympiad_stage";`);
    this.addSql(`drop type "olympiad_status";`);
  }

}
