// Pupils per grade, school and academic year (form ОО-1): the denominators of the olympiad
// coverage and per-1,000 rates. Written by natural key (school, year, grade) with versions.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BulkResultShape,
  checkKeyedVersion,
  MAX_PROTOCOL_ROWS,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { Organization } from '../geography/geography.entity';
import { GradeEnrolment } from './olympiads.entity';
import type { GradeEnrolmentInput } from './olympiads.inputs';
import { academicYearCode, academicYearStart } from './olympiads.rules';

export function upsertGradeEnrolments(
  em: EntityManager,
  rows: GradeEnrolmentInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<GradeEnrolment>> {
  return runBulk(
    em,
    rows,
    dryRun,
    access.auditActor(),
    async (tem) => {
      const errors = new RowErrors();
      const organizations = new Map(
        (
          await tem.find(Organization, {
            code: { $in: [...new Set(rows.map((r) => r.organizationCode))] },
          })
        ).map((o) => [o.code, o]),
      );
      const seen = new Map<string, number>();
      const resolved = rows.flatMap((input, index) => {
        const organization = organizations.get(input.organizationCode);
        const year = academicYearStart(input.academicYear);
        if (!organization) {
          errors.add(
            index,
            null,
            'organizationCode',
            'NOT_FOUND',
            `Организация ${input.organizationCode} не найдена`,
          );
        }
        if (year === null) {
          errors.add(
            index,
            null,
            'academicYear',
            'INVALID_FORMAT',
            'Учебный год в формате 2024/2025',
          );
        }
        if (!organization || year === null) {
          return [];
        }
        const key = `${organization.id}|${year}|${input.grade}`;
        const first = seen.get(key);
        if (first !== undefined) {
          errors.add(
            index,
            null,
            'grade',
            'DUPLICATE',
            `Этот класс уже есть в запросе (строка ${first + 1})`,
          );
          return [];
        }
        seen.set(key, index);
        return [{ index, input, organization, year, key }];
      });
      access.assertCanWriteUnits(
        resolved.map(({ organization }) => ({
          municipalityId: organization.municipality.id,
          organizationId: organization.id,
        })),
      );
      const stored = resolved.length
        ? await tem.find(GradeEnrolment, {
            organization: { $in: [...new Set(resolved.map((r) => r.organization.id))] },
            year: { $in: [...new Set(resolved.map((r) => r.year))] },
          })
        : [];
      const existing = new Map(stored.map((e) => [`${e.organization.id}|${e.year}|${e.grade}`, e]));
      const planned = resolved.flatMap((row) => {
        const current = existing.get(row.key) ?? null;
        const passes = checkKeyedVersion(row.index, row.input.version, current, errors, {
          exists: `Численность ${row.input.grade} класса на ${academicYearCode(row.year)} уже есть (версия ${current?.version}): укажите version`,
          conflict: 'Строка изменена или удалена: обновите таблицу',
          gone: 'Строка изменена или удалена: обновите таблицу',
        });
        return passes ? [{ ...row, current }] : [];
      });
      return {
        errors,
        async write() {
          const written = planned.map(({ input, organization, year, current }) => {
            const row =
              current ??
              tem.create(GradeEnrolment, {
                organization,
                municipality: organization.municipality,
                year,
                grade: input.grade,
                pupils: input.pupils,
              });
            row.pupils = input.pupils;
            return row;
          });
          await tem.flush();
          return {
            rows: written,
            created: planned.filter((p) => !p.current).length,
            deleted: 0,
            total: written.length,
          };
        },
      };
    },
    MAX_PROTOCOL_ROWS,
  );
}
