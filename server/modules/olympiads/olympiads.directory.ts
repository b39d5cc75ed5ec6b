// The olympiad directory: ВсОШ is seeded; administrators add regional olympiads and contests.
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, checkKeyedVersion, RowErrors, runBulk } from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { Olympiad } from './olympiads.entity';
import type { OlympiadInput } from './olympiads.inputs';

export function upsertOlympiads(
  em: EntityManager,
  rows: OlympiadInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<Olympiad>> {
  access.requireAdmin();
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const existing = new Map(
      (await tem.find(Olympiad, { code: { $in: rows.map((r) => r.code) } })).map((o) => [
        o.code,
        o,
      ]),
    );
    const planned = rows.flatMap((input, index) => {
      const current = existing.get(input.code) ?? null;
      if (!/^[A-Z0-9_\-]{2,40}$/.test(input.code)) {
        errors.add(
          index,
          null,
          'code',
          'INVALID_FORMAT',
          'Код — заглавные латинские буквы, цифры, _ и -',
        );
        return [];
      }
      if (rows.findIndex((r) => r.code === input.code) !== index) {
        errors.add(index, null, 'code', 'DUPLICATE', 'Эта олимпиада уже есть в запросе');
        return [];
      }
      const passes = checkKeyedVersion(index, input.version, current, errors, {
        exists: `Олимпиада ${input.code} уже есть (версия ${current?.version}): укажите version`,
        conflict: 'Олимпиада изменена или удалена: обновите таблицу',
        gone: 'Олимпиада изменена или удалена: обновите таблицу',
      });
      return passes ? [{ input, current }] : [];
    });
    return {
      errors,
      async write() {
        const written = planned.map(({ input, current }) => {
          const olympiad =
            current ??
            tem.create(Olympiad, { code: input.code, name: input.name, kind: input.kind });
          tem.assign(olympiad, { name: input.name, kind: input.kind });
          return olympiad;
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
  });
}
