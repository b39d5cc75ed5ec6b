// Loads the demo olympiad data (generated in demo.olympiads*.ts) in bulk: grade enrolments,
// pupils and ВсОШ protocol entries, without a change_log row each (like the values and the
// assessment results), foreign keys checked and secondary indexes built once at the end.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Olympiad, OlympiadSubject } from '../../server/modules/olympiads/olympiads.entity';
import { idsByCode, insertUnnest, need, withoutForeignKeys, withoutIndexes } from './demo.bulk';
import type { DemoData } from './demo.generator';
import { DEMO_OLYMPIAD_CODE, SUBJECTS } from './demo.olympiads';
import { ENROLMENT_COLUMNS, STUDENT_COLUMNS, RECORD_COLUMNS } from '../table-columns';

const OLYMPIAD_TABLES = ['grade_enrolment', 'student', 'olympiad_record'];

/** The demo schools' enrolments, pupils and protocol entries. */
export async function insertOlympiads(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
  organizations: Map<string, number>,
): Promise<void> {
  for (const table of OLYMPIAD_TABLES) {
    await em.execute(`alter table "${table}" disable trigger "audit_row"`);
  }
  // The protocol entries' four indexes are built once at the end (the largest table by far).
  await withoutForeignKeys(em, OLYMPIAD_TABLES, () =>
    withoutIndexes(em, ['olympiad_record'], () =>
      loadOlympiads(em, data, municipalities, organizations),
    ),
  );
  for (const table of OLYMPIAD_TABLES) {
    await em.execute(`alter table "${table}" enable trigger "audit_row"`);
  }
  // Fresh statistics for the planner (PGlite has no autovacuum): without them it takes these
  // tables for empty and joins the analytics' aggregates by nested loops over every entry.
  await em.execute(`analyze ${OLYMPIAD_TABLES.map((t) => `"${t}"`).join(', ')}`);
}

async function loadOlympiads(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
  organizations: Map<string, number>,
): Promise<void> {
  const { enrolments, students, records } = data.olympiads;
  const organization = (code: string) => need(organizations, code, 'organization');
  const municipality = (code: string) => need(municipalities, code, 'municipality');
  await insertUnnest(
    em,
    'grade_enrolment',
    ENROLMENT_COLUMNS,
    enrolments.map((e) => ({
      organization_id: organization(e.organizationCode),
      municipality_id: municipality(e.municipalityCode),
      year: e.year,
      grade: e.grade,
      pupils: e.pupils,
    })),
  );
  await insertUnnest(
    em,
    'student',
    STUDENT_COLUMNS,
    students.map((s) => ({
      code: s.code,
      organization_id: organization(s.organizationCode),
      municipality_id: municipality(s.municipalityCode),
      grade: s.grade,
      birth_year: s.birthYear,
      full_name: s.fullName,
    })),
  );
  // The demo schools are new: every pupil of theirs is a demo pupil.
  const rows = await em.execute<{ id: number; code: string }[]>(
    `select s.id, s.code from student s join organization o on o.id = s.organization_id
      where o.demo`,
  );
  const studentIds = new Map(rows.map((row) => [row.code, row.id]));
  const [olympiad] = await em.find(Olympiad, { code: DEMO_OLYMPIAD_CODE }, { fields: ['id'] });
  if (!olympiad) {
    throw new Error(`Demo data: olympiad ${DEMO_OLYMPIAD_CODE} is not seeded`);
  }
  const subjectIds = await idsByCode(
    em,
    OlympiadSubject,
    SUBJECTS.map((s) => s.code),
  );
  await insertUnnest(
    em,
    'olympiad_record',
    RECORD_COLUMNS,
    records.map((r) => ({
      olympiad_id: olympiad.id,
      year: r.year,
      subject_id: need(subjectIds, r.subjectCode, 'olympiad subject'),
      stage: r.stage,
      student_id: need(studentIds, r.studentCode, 'student'),
      organization_id: organization(r.organizationCode),
      municipality_id: municipality(r.municipalityCode),
      grade_actual: r.gradeActual,
      grade_performed: r.gradePerformed,
      score: r.score,
      max_score: r.maxScore,
      status: r.status,
    })),
  );
}
