import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035655_records_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "olympiad_record_listing_order_index" on "olympiad_record" ("year" desc, "stage", "subject_id", "score" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "olympiad_record_listing_order_index";`);
  }

}
