// Bulk upsert of teachers by personnel code: atomic, per-row errors, audited, scoped. A new
// organization is a move: the open assignment is closed and a new one opened, so the history
// of where a teacher worked is kept.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, checkKeyedVersion, RowErrors, runBulk } from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { Organization } from '../geography/geography.entity';
import { Teacher, TeacherAssignment } from './teachers.entity';
import type { TeacherInput } from './teachers.inputs';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid ISO calendar date (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

// Fields copied from the input; left-out ones keep their stored values.
const FIELDS = [
  'fullName',
  'birthYear',
  'subjects',
  'position',
  'category',
  'totalExperienceYears',
  'teachingExperienceYears',
  'hireDate',
] as const;

export function upsertTeachers(
  em: EntityManager,
  rows: TeacherInput[],
  dryRun: boolean,
  access: Access,
  today: string,
): Promise<BulkResultShape<Teacher>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const organizations = new Map(
      (
        await tem.find(Organization, {
          code: { $in: [...new Set(rows.map((r) => r.organizationCode))] },
        })
      ).map((o) => [o.code, o]),
    );
    const existing = new Map(
      (
        await tem.find(
          Teacher,
          { personnelCode: { $in: rows.map((r) => r.personnelCode) } },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      ).map((t) => [t.personnelCode, t]),
    );
    const seen = new Map<string, number>();
    const planned = rows.flatMap((input, index) => {
      const fail = (
        field: string,
        code: 'NOT_FOUND' | 'INVALID_FORMAT' | 'DUPLICATE',
        message: string,
      ) => errors.add(index, null, field, code, message);
      const before = errors.count;
      const organization = organizations.get(input.organizationCode);
      if (!organization) {
        fail('organizationCode', 'NOT_FOUND', `Организация ${input.organizationCode} не найдена`);
      }
      if (!/^[A-Za-z0-9._\-/]{1,40}$/.test(input.personnelCode)) {
        fail(
          'personnelCode',
          'INVALID_FORMAT',
          'Табельный код — латинские буквы, цифры и . _ - / (не ФИО)',
        );
      }
      for (const field of ['hireDate', 'movedOn'] as const) {
        const value = input[field];
        if (value != null && !isIsoDate(value)) {
          fail(field, 'INVALID_FORMAT', 'Дата в формате ГГГГ-ММ-ДД');
        }
      }
      const teaching = input.teachingExperienceYears;
      const total = input.totalExperienceYears;
      if (teaching != null && total != null && teaching > total) {
        fail('teachingExperienceYears', 'INVALID_FORMAT', 'Педагогический стаж больше общего');
      }
      const first = seen.get(input.personnelCode);
      if (first !== undefined) {
        fail('personnelCode', 'DUPLICATE', `Этот педагог уже есть в запросе (строка ${first + 1})`);
      }
      seen.set(input.personnelCode, index);
      const current = existing.get(input.personnelCode) ?? null;
      checkKeyedVersion(index, input.version, current, errors, {
        conflict: `Педагог изменён другим пользователем (версия ${current?.version}, у вас ${input.version})`,
        gone: 'Педагог уже удалён: обновите таблицу',
      });
      return errors.count === before && organization
        ? [{ index, input, organization, current }]
        : [];
    });
    // A move needs the right to write both where the teacher leaves and where it goes.
    access.assertCanWriteUnits(
      planned.flatMap(({ organization, current }) => [
        { municipalityId: organization.municipality.id, organizationId: organization.id },
        ...(current
          ? [{ municipalityId: current.municipality.id, organizationId: current.organization.id }]
          : []),
      ]),
    );
    return {
      errors,
      async write() {
        let created = 0;
        const written: Teacher[] = [];
        const moved = planned.filter(
          (p) => p.current && p.current.organization.id !== p.organization.id,
        );
        const open = moved.length
          ? await tem.find(TeacherAssignment, {
              teacher: { $in: moved.map((p) => p.current!.id) },
              endedOn: null,
            })
          : [];
        for (const { input, organization, current } of planned) {
          const since = input.movedOn ?? today;
          const teacher =
            current ??
            tem.create(Teacher, {
              personnelCode: input.personnelCode,
              organization,
              municipality: organization.municipality,
            });
          if (!current) {
            created += 1;
            tem.create(TeacherAssignment, {
              teacher,
              organization,
              startedOn: input.hireDate ?? since,
            });
          } else if (current.organization.id !== organization.id) {
            for (const assignment of open.filter((a) => a.teacher.id === current.id)) {
              assignment.endedOn = since;
            }
            tem.create(TeacherAssignment, { teacher, organization, startedOn: since });
            teacher.organization = tem.getReference(Organization, organization.id) as never;
            teacher.municipality = organization.municipality;
          }
          for (const field of FIELDS) {
            if (input[field] !== undefined) {
              (teacher as unknown as Record<string, unknown>)[field] =
                field === 'subjects' ? (input.subjects ?? []) : input[field];
            }
          }
          written.push(teacher);
        }
        await tem.flush();
        return { rows: written, created, deleted: 0, total: written.length };
      },
    };
  });
}
