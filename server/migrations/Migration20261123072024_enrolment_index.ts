import { Migration } from '@mikro-orm/migrations';

export class Migration20261123072024_enrolment_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "grade_enrolment_municipality_id_year_index" on "grade_enrolment" ("municipality_id", "year");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "grade_enrolment_municipality_id_year_index";`);
  }

}
