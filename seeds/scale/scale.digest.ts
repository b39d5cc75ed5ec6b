// md5 of every scale table's rows (in id order), to compare two databases: the same regions
// give the same digests on every run and machine.
import type { EntityManager } from '@mikro-orm/postgresql';
import { SCALE_PREFIX } from './scale.geography';
import { SCALE_TABLES } from './scale.load';

const MUNICIPALITIES = `(select id from municipality where code like '${SCALE_PREFIX}%')`;
const ROADMAPS = `(select id from roadmap where municipality_id in ${MUNICIPALITIES})`;
const SECTIONS = `(select id from roadmap_section where roadmap_id in ${ROADMAPS})`;
const ACTIVITIES = `(select id from activity where section_id in ${SECTIONS})`;

const SCOPE: Readonly<Record<(typeof SCALE_TABLES)[number], string>> = {
  region: `code like '${SCALE_PREFIX}%'`,
  municipality: `code like '${SCALE_PREFIX}%'`,
  organization: `municipality_id in ${MUNICIPALITIES}`,
  teacher: `municipality_id in ${MUNICIPALITIES}`,
  teacher_assignment: `teacher_id in (select id from teacher where municipality_id in ${MUNICIPALITIES})`,
  diagnostic_campaign: `code like '${SCALE_PREFIX}%'`,
  diagnostic_result: `municipality_id in ${MUNICIPALITIES}`,
  roadmap: `municipality_id in ${MUNICIPALITIES}`,
  roadmap_section: `roadmap_id in ${ROADMAPS}`,
  executor: `municipality_id in ${MUNICIPALITIES}`,
  activity: `section_id in ${SECTIONS}`,
  activity_executor: `activity_id in ${ACTIVITIES}`,
  activity_occurrence: `activity_id in ${ACTIVITIES}`,
  indicator_value: `municipality_id in ${MUNICIPALITIES}`,
  grade_enrolment: `municipality_id in ${MUNICIPALITIES}`,
  student: `municipality_id in ${MUNICIPALITIES}`,
  olympiad_record: `municipality_id in ${MUNICIPALITIES}`,
};

/** Per scale table: its scale rows' count and the md5 of their text, ids and timestamps included. */
export async function scaleDigest(
  em: EntityManager,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of SCALE_TABLES) {
    const order = table === 'activity_executor' ? 'activity_id, executor_id' : 'id';
    const [row] = await em.execute<{ rows: string; md5: string }[]>(
      `select count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by ${order}), '')) as md5
         from "${table}" t where ${SCOPE[table]}`,
    );
    out[table] = { rows: Number(row.rows), md5: row.md5 };
  }
  return out;
}
