// Olympiad protocols by natural key (olympiad, academic year, subject, stage, pupil code), in one
// atomic write of up to MAX_PROTOCOL_ROWS rows: pupils created or updated from the rows, the
// ВсОШ grade and admission rules checked against the records as they will stand after the batch.
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, MAX_PROTOCOL_ROWS, RowErrors, runBulk } from '../../shared/bulk';
import { Role } from '../access/access.enums';
import { type Access, inScope } from '../access/viewer';
import { Municipality, Organization } from '../geography/geography.entity';
import { Olympiad, OlympiadRecord, type OlympiadSubject, Student } from './olympiads.entity';
import { OlympiadKind, OlympiadStage, OlympiadStatus } from './olympiads.enums';
import type { OlympiadRecordInput } from './olympiads.inputs';
import { DEFAULT_OLYMPIAD_CODE, subjectDirectory } from './olympiads.lookup';
import {
  academicYearCode,
  academicYearStart,
  admissionProblem,
  gradeProblem,
  nextStage,
  previousStage,
} from './olympiads.rules';

const CODE_PATTERN = /^[A-Za-z0-9._\-/]{1,40}$/;

/** The natural key of a record, by ids. */
const keyOf = (r: {
  olympiadId: number;
  year: number;
  subjectId: number;
  stage: OlympiadStage;
  studentCode: string;
}) => `${r.olympiadId}|${r.year}|${r.subjectId}|${r.stage}|${r.studentCode}`;

/** A record as it will stand after the batch (what the admission rules look at). */
interface Standing {
  gradePerformed: number;
  status: OlympiadStatus;
}

interface ResolvedRow {
  index: number;
  input: OlympiadRecordInput;
  olympiad: Olympiad;
  subject: OlympiadSubject;
  organization: Organization;
  year: number;
  gradePerformed: number;
  status: OlympiadStatus;
  key: string;
}

export interface ProtocolOptions {
  /** Update existing records from the file without versions (an explicit re-import). */
  replaceExisting?: boolean;
}

export function upsertOlympiadRecords(
  em: EntityManager,
  rows: OlympiadRecordInput[],
  dryRun: boolean,
  access: Access,
  options: ProtocolOptions = {},
): Promise<BulkResultShape<OlympiadRecord>> {
  return runBulk(
    em,
    rows,
    dryRun,
    access.auditActor(),
    async (tem) => {
      const errors = new RowErrors();
      const subjects = await subjectDirectory(tem);
      const olympiads = new Map(
        (
          await tem.find(Olympiad, {
            code: { $in: [...new Set(rows.map((r) => r.olympiadCode ?? DEFAULT_OLYMPIAD_CODE))] },
          })
        ).map((o) => [o.code, o]),
      );
      const organizations = new Map(
        (
          await tem.find(Organization, {
            code: { $in: [...new Set(rows.map((r) => r.organizationCode))] },
          })
        ).map((o) => [o.code, o]),
      );
      const resolved = resolveRows(rows, { subjects, olympiads, organizations }, errors);
      checkPupilConsistency(rows, resolved, errors);
      await assertCanWriteProtocol(tem, access, resolved);

      // Every record of the pupils involved: existing keys, admission evidence, dependants.
      const studentCodes = [...new Set(rows.map((r) => r.studentCode))];
      const students = new Map(
        (await tem.find(Student, { code: { $in: studentCodes } })).map((s) => [s.code, s]),
      );
      const stored = students.size
        ? await tem.find(OlympiadRecord, {
            student: { $in: [...students.values()].map((s) => s.id) },
          })
        : [];
      const codeOfStudent = new Map([...students.values()].map((s) => [s.id, s.code]));
      const existing = new Map(
        stored.map((record) => [
          keyOf({
            olympiadId: record.olympiad.id,
            year: record.year,
            subjectId: record.subject.id,
            stage: record.stage,
            studentCode: codeOfStudent.get(record.student.id)!,
          }),
          record,
        ]),
      );

      const planned = checkVersions(resolved, existing, errors, options);
      const after = standingAfter(existing, planned);
      checkAdmissions(planned, after, errors);

      return {
        errors,
        async write() {
          const pupils = upsertPupils(tem, planned, students, stored);
          const written: OlympiadRecord[] = [];
          for (const row of planned) {
            if (row.input.delete) {
              tem.remove(row.current!);
              continue;
            }
            const student = pupils.get(row.input.studentCode)!;
            const values = {
              gradeActual: row.input.gradeActual,
              gradePerformed: row.gradePerformed,
              score: row.input.score,
              maxScore: row.input.maxScore,
              status: row.status,
              organization: row.organization,
              municipality: row.organization.municipality,
            };
            const record =
              row.current ??
              tem.create(OlympiadRecord, {
                olympiad: row.olympiad,
                year: row.year,
                subject: row.subject,
                stage: row.input.stage,
                student,
                ...values,
              });
            tem.assign(record, values);
            written.push(record);
          }
          await tem.flush();
          return {
            rows: written,
            created: planned.filter((p) => !p.current).length,
            deleted: planned.filter((p) => p.input.delete).length,
            total: planned.length,
          };
        },
      };
    },
    MAX_PROTOCOL_ROWS,
  );
}

// The regional and final stages are organised by the region (Порядок № 678): its analysts enter
// those protocols for the region's schools.
const REGION_STAGES = new Set<OlympiadStage>([OlympiadStage.REGIONAL, OlympiadStage.FINAL]);

/**
 * Who may write a protocol: administrators; a municipality's methodologist and a school's
 * coordinator for their own units; a regional analyst for regional and final-stage entries of
 * the region's schools. The whole batch is refused otherwise.
 */
async function assertCanWriteProtocol(
  em: EntityManager,
  access: Access,
  rows: readonly ResolvedRow[],
): Promise<void> {
  const viewer = access.requireViewer();
  if (
    viewer.role === Role.REGIONAL_ANALYST &&
    rows.length > 0 &&
    rows.every((row) => REGION_STAGES.has(row.input.stage))
  ) {
    const ids = [...new Set(rows.map((row) => row.organization.municipality.id))];
    const municipalities = await em.find(Municipality, { id: { $in: ids } });
    const scope = access.rowScope();
    if (municipalities.every((m) => inScope(scope, { id: m.id, regionId: m.region.id }))) {
      return;
    }
  }
  access.assertCanWriteUnits(
    rows.map(({ organization }) => ({
      municipalityId: organization.municipality.id,
      organizationId: organization.id,
    })),
  );
}

/** Directory lookups, formats and the grade rules of each row on its own. */
function resolveRows(
  rows: readonly OlympiadRecordInput[],
  directories: {
    subjects: Awaited<ReturnType<typeof subjectDirectory>>;
    olympiads: Map<string, Olympiad>;
    organizations: Map<string, Organization>;
  },
  errors: RowErrors,
): ResolvedRow[] {
  const seen = new Map<string, number>();
  return rows.flatMap((input, index) => {
    const before = errors.count;
    const fail = (field: string, code: 'NOT_FOUND' | 'INVALID_FORMAT', message: string) =>
      errors.add(index, null, field, code, message);
    const olympiadCode = input.olympiadCode ?? DEFAULT_OLYMPIAD_CODE;
    const olympiad = directories.olympiads.get(olympiadCode);
    if (!olympiad) {
      fail('olympiadCode', 'NOT_FOUND', `Олимпиада ${olympiadCode} не найдена`);
    }
    const year = academicYearStart(input.academicYear);
    if (year === null) {
      fail('academicYear', 'INVALID_FORMAT', 'Учебный год в формате 2024/2025');
    }
    const subject = directories.subjects.find(input.subject);
    if (!subject) {
      fail(
        'subject',
        'NOT_FOUND',
        `Предмет «${input.subject}» не входит в перечень предметов ВсОШ`,
      );
    }
    const organization = directories.organizations.get(input.organizationCode);
    if (!organization) {
      fail('organizationCode', 'NOT_FOUND', `Организация ${input.organizationCode} не найдена`);
    }
    if (!CODE_PATTERN.test(input.studentCode)) {
      fail(
        'studentCode',
        'INVALID_FORMAT',
        'Код участника — латинские буквы, цифры и . _ - / (не ФИО)',
      );
    }
    if (!input.delete && input.score > input.maxScore) {
      fail('score', 'INVALID_FORMAT', `Балл ${input.score} больше максимального ${input.maxScore}`);
    }
    const gradePerformed = input.gradePerformed ?? input.gradeActual;
    if (subject && !input.delete) {
      const problem = gradeProblem(
        { stage: input.stage, gradeActual: input.gradeActual, gradePerformed, subject },
        olympiad?.kind === OlympiadKind.VSOSH,
      );
      if (problem) {
        fail(problem.field, 'INVALID_FORMAT', problem.message);
      }
    }
    if (errors.count !== before) {
      return [];
    }
    const key = keyOf({
      olympiadId: olympiad!.id,
      year: year!,
      subjectId: subject!.id,
      stage: input.stage,
      studentCode: input.studentCode,
    });
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add(
        index,
        null,
        'studentCode',
        'DUPLICATE',
        `Запись этого ученика по предмету «${subject!.name}» на этом этапе уже есть в файле (строка ${first + 1})`,
      );
      return [];
    }
    seen.set(key, index);
    return [
      {
        index,
        input,
        olympiad: olympiad!,
        subject: subject!,
        organization: organization!,
        year: year!,
        gradePerformed,
        status: input.status ?? OlympiadStatus.PARTICIPANT,
        key,
      },
    ];
  });
}

/**
 * One pupil, one story within a file: the same name and birth year in every row, one school per
 * academic year.
 */
function checkPupilConsistency(
  rows: readonly OlympiadRecordInput[],
  resolved: readonly ResolvedRow[],
  errors: RowErrors,
): void {
  const firstSeen = new Map<string, number>();
  rows.forEach((row, index) => {
    const first = firstSeen.get(row.studentCode);
    if (first === undefined) {
      firstSeen.set(row.studentCode, index);
      return;
    }
    const earlier = rows[first];
    for (const field of ['fullName', 'birthYear'] as const) {
      if (row[field] != null && earlier[field] != null && row[field] !== earlier[field]) {
        errors.add(
          index,
          null,
          field,
          'CONFLICT',
          `У ученика ${row.studentCode} в строке ${first + 1} указано «${earlier[field]}», здесь «${row[field]}»`,
        );
      }
    }
  });
  const schoolOfYear = new Map<string, ResolvedRow>();
  for (const row of resolved) {
    const key = `${row.input.studentCode}|${row.year}`;
    const first = schoolOfYear.get(key);
    if (!first) {
      schoolOfYear.set(key, row);
    } else if (first.organization.id !== row.organization.id) {
      errors.add(
        row.index,
        null,
        'organizationCode',
        'CONFLICT',
        `Ученик ${row.input.studentCode} в ${academicYearCode(row.year)} учится в ${first.input.organizationCode} (строка ${first.index + 1})`,
      );
    }
  }
}

interface PlannedRow extends ResolvedRow {
  current: OlympiadRecord | null;
}

/** New keys are created; an existing one is changed only with its version (or on re-import). */
function checkVersions(
  resolved: readonly ResolvedRow[],
  existing: ReadonlyMap<string, OlympiadRecord>,
  errors: RowErrors,
  options: ProtocolOptions,
): PlannedRow[] {
  return resolved.flatMap((row): PlannedRow[] => {
    const current = existing.get(row.key) ?? null;
    const { version } = row.input;
    const problem = (
      field: string,
      code: 'NOT_FOUND' | 'DUPLICATE' | 'CONFLICT',
      text: string,
    ): PlannedRow[] => {
      errors.add(row.index, current?.id ?? null, field, code, text);
      return [];
    };
    if (!current) {
      if (row.input.delete) {
        return problem('delete', 'NOT_FOUND', 'Удаляемой записи нет: обновите таблицу');
      }
      if (version != null) {
        return problem('version', 'NOT_FOUND', 'Запись удалена: обновите таблицу');
      }
      return [{ ...row, current }];
    }
    if (version == null && (row.input.delete || !options.replaceExisting)) {
      return problem(
        'version',
        'DUPLICATE',
        `Запись уже есть (${academicYearCode(row.year)}, «${row.subject.name}», версия ${current.version}): чтобы изменить её, укажите version или загрузите протокол с заменой`,
      );
    }
    if (version != null && version !== current.version) {
      return problem(
        'version',
        'CONFLICT',
        `Запись изменена другим пользователем (версия ${current.version}, у вас ${version})`,
      );
    }
    return [{ ...row, current }];
  });
}

/** Status and grade of every record of the pupils involved, keyed, once the batch is applied. */
function standingAfter(
  existing: ReadonlyMap<string, OlympiadRecord>,
  planned: readonly PlannedRow[],
): Map<string, Standing> {
  const after = new Map<string, Standing>(
    [...existing].map(([key, r]) => [key, { gradePerformed: r.gradePerformed, status: r.status }]),
  );
  for (const row of planned) {
    if (row.input.delete) {
      after.delete(row.key);
    } else {
      after.set(row.key, { gradePerformed: row.gradePerformed, status: row.status });
    }
  }
  return after;
}

/**
 * Admission of every written row, and of the next stage's record a deleted row leaves behind (a
 * municipal entry cannot outlive the school-stage entry it was admitted by).
 */
function checkAdmissions(
  planned: readonly PlannedRow[],
  after: ReadonlyMap<string, Standing>,
  errors: RowErrors,
): void {
  for (const row of planned) {
    if (row.olympiad.kind !== OlympiadKind.VSOSH) {
      continue;
    }
    const at = (stage: OlympiadStage | null, year: number) =>
      stage
        ? (after.get(
            keyOf({
              olympiadId: row.olympiad.id,
              year,
              subjectId: row.subject.id,
              stage,
              studentCode: row.input.studentCode,
            }),
          ) ?? null)
        : null;
    if (row.input.delete) {
      const later = nextStage(row.input.stage);
      const dependant = at(later, row.year);
      if (
        later &&
        dependant &&
        admissionProblem(
          {
            stage: later,
            year: row.year,
            gradePerformed: dependant.gradePerformed,
            subjectName: row.subject.name,
          },
          { previousStage: null, previousYear: at(later, row.year - 1) },
        )
      ) {
        errors.add(
          row.index,
          row.current?.id ?? null,
          'delete',
          'CONFLICT',
          `По этой записи ученик допущен к следующему этапу ${academicYearCode(row.year)} («${row.subject.name}»): сначала удалите ту запись`,
        );
      }
      continue;
    }
    const problem = admissionProblem(
      {
        stage: row.input.stage,
        year: row.year,
        gradePerformed: row.gradePerformed,
        subjectName: row.subject.name,
      },
      {
        previousStage: at(previousStage(row.input.stage), row.year),
        previousYear: at(row.input.stage, row.year - 1),
      },
    );
    if (problem) {
      errors.add(
        row.index,
        row.current?.id ?? null,
        problem.field,
        'BAD_USER_INPUT',
        problem.message,
      );
    }
  }
}

/**
 * Pupils created from the rows, or brought up to date: name and birth year when given, school and
 * grade from their latest academic year (an old protocol does not move a pupil back).
 */
function upsertPupils(
  em: EntityManager,
  planned: readonly PlannedRow[],
  students: Map<string, Student>,
  stored: readonly OlympiadRecord[],
): Map<string, Student> {
  const latestStoredYear = new Map<number, number>();
  for (const record of stored) {
    const id = record.student.id;
    latestStoredYear.set(id, Math.max(latestStoredYear.get(id) ?? 0, record.year));
  }
  const latestRow = new Map<string, PlannedRow>();
  for (const row of planned) {
    if (row.input.delete) {
      continue;
    }
    const seen = latestRow.get(row.input.studentCode);
    if (!seen || row.year > seen.year) {
      latestRow.set(row.input.studentCode, row);
    }
  }
  const named = new Map<string, { fullName?: string | null; birthYear?: number | null }>();
  for (const row of planned) {
    const details = named.get(row.input.studentCode) ?? {};
    details.fullName ??= row.input.fullName;
    details.birthYear ??= row.input.birthYear;
    named.set(row.input.studentCode, details);
  }
  for (const [code, row] of latestRow) {
    const details = named.get(code)!;
    let student = students.get(code);
    if (!student) {
      student = em.create(Student, {
        code,
        organization: row.organization,
        municipality: row.organization.municipality,
        grade: row.input.gradeActual,
      });
      students.set(code, student);
    } else if (row.year >= (latestStoredYear.get(student.id) ?? 0)) {
      em.assign(student, {
        organization: row.organization,
        municipality: row.organization.municipality,
        grade: row.input.gradeActual,
      });
    }
    if (details.fullName != null) {
      student.fullName = details.fullName;
    }
    if (details.birthYear != null) {
      student.birthYear = details.birthYear;
    }
  }
  return students;
}
