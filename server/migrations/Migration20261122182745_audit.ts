import { Migration } from '@mikro-orm/migrations';

// Frozen copy (a migration never changes): tables whose row changes audit_row() records, and
// the columns that make up a row's id in change_log.entity_id when it is not "id".
const AUDITED_TABLES: Record<string, string> = {
  region: 'id',
  municipality: 'id',
  organization: 'id',
  direction: 'id',
  roadmap: 'id',
  roadmap_section: 'id',
  executor: 'id',
  activity: 'id',
  activity_executor: 'activity_id,executor_id',
  activity_occurrence: 'id',
  app_user: 'id',
  api_token: 'id',
};

// Secrets never reach the log: any column named like a password, secret or hash is masked.
const AUDIT_MASK = `create function audit_mask(doc jsonb) returns jsonb language sql immutable strict as $$
  select coalesce(jsonb_object_agg(key, case when key ~ '(password|secret|_hash$)' then '"***"'::jsonb else value end), '{}'::jsonb)
  from jsonb_each(doc)
$$;`;

// One row per insert/delete, one per changed column on update, in the writing transaction.
// Actor and batch come from transaction-local settings (set_config(..., true)); without a
// batch the transaction id groups the changes. Plain PL/pgSQL: runs on PostgreSQL 15 and 18.
const AUDIT_ROW = `create function audit_row() returns trigger language plpgsql as $$
declare
  housekeeping constant text[] := array['created_at', 'updated_at', 'version'];
  key_columns text[] := string_to_array(coalesce(TG_ARGV[0], 'id'), ',');
  v_batch text := coalesce(nullif(current_setting('msoko.batch_id', true), ''), txid_current()::text);
  v_actor_id int := nullif(current_setting('msoko.actor_id', true), '')::int;
  v_actor_label text := nullif(current_setting('msoko.actor_label', true), '');
  old_doc jsonb;
  new_doc jsonb;
  old_masked jsonb;
  new_masked jsonb;
  row_id text;
begin
  if TG_OP <> 'INSERT' then
    old_doc := to_jsonb(OLD) - housekeeping;
  end if;
  if TG_OP <> 'DELETE' then
    new_doc := to_jsonb(NEW) - housekeeping;
  end if;
  old_masked := audit_mask(old_doc);
  new_masked := audit_mask(new_doc);
  row_id := array_to_string(array(select coalesce(new_doc, old_doc) ->> k from unnest(key_columns) k), ':');
  if TG_OP = 'UPDATE' then
    -- compare unmasked values so a changed secret is still recorded (as *** -> ***)
    insert into change_log (batch_id, actor_user_id, actor_label, entity, entity_id, action, field, old_value, new_value)
    select v_batch, v_actor_id, v_actor_label, TG_TABLE_NAME, row_id, 'update', n.key,
      old_masked -> n.key, new_masked -> n.key
    from jsonb_each(new_doc) n
    where n.value is distinct from old_doc -> n.key
    order by n.key;
  else
    insert into change_log (batch_id, actor_user_id, actor_label, entity, entity_id, action, field, old_value, new_value)
    values (v_batch, v_actor_id, v_actor_label, TG_TABLE_NAME, row_id,
      case TG_OP when 'INSERT' then 'create' else 'delete' end, null,
      old_masked, new_masked);
  end if;
  return null;
end
$$;`;

export class Migration20261122182745_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "change_log" ("id" bigint generated always as identity not null, "batch_id" text not null, "at" timestamptz not null default clock_timestamp(), "actor_user_id" int null, "actor_label" text null, "entity" text not null, "entity_id" text not null, "action" text check ("action" in ('create', 'update', 'delete')) not null, "field" text null, "old_value" jsonb null, "new_value" jsonb null, constraint "change_log_pkey" primary key ("id"));`);
    this.addSql(`create index "change_log_batch_id_index" on "change_log" ("batch_id");`);
    this.addSql(`create index "change_log_entity_entity_id_id_index" on "change_log" ("entity", "entity_id", "id");`);

    this.addSql(AUDIT_MASK);
    this.addSql(AUDIT_ROW);
    for (const [table, keyColumns] of Object.entries(AUDITED_TABLES)) {
      const args = keyColumns === 'id' ? '' : `'${keyColumns}'`;
      this.addSql(`create trigger "audit_row" after insert or update or delete on "${table}" for each row execute function audit_row(${args});`);
    }
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(AUDITED_TABLES)) {
      this.addSql(`drop trigger if exists "audit_row" on "${table}";`);
    }
    this.addSql(`drop function if exists audit_row();`);
    this.addSql(`drop function if exists audit_mask(jsonb);`);
    this.addSql(`drop table if exists "change_log" cascade;`);
  }

}
