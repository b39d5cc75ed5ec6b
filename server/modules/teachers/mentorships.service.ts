// Mentorships of teachers: bulk upsert by id (new pairs without one), with the configurable
// limit of mentees per mentor checked over the stored pairs and the batch together.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BulkResultShape,
  checkVersion,
  refuseRepeatedIds,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { loadTeacherSettings } from './teacher.settings';
import { Mentorship } from './teachers.entity';
import { MentorshipDelivery, MentorshipStatus } from './teachers.enums';
import type { MentorshipInput } from './teachers.inputs';
import { teachersByCode } from './teachers.lookup';
import { isIsoDate } from './teachers.service';

/** Pairs that take a mentor's time: planned or active. */
const LIVE = [MentorshipStatus.PLANNED, MentorshipStatus.ACTIVE];

export function upsertMentorships(
  em: EntityManager,
  rows: MentorshipInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<Mentorship>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    refuseRepeatedIds(rows, errors);
    const { maxMenteesPerMentor } = await loadTeacherSettings(tem);
    const codes = [...new Set(rows.flatMap((r) => [r.mentorCode, r.menteeCode]))];
    const teachers = await teachersByCode(tem, codes);

    const ids = rows.flatMap((r) => (r.id ? [Number(r.id)] : []));
    const existing = new Map(
      (ids.length
        ? await tem.find(Mentorship, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : []
      ).map((m) => [String(m.id), m]),
    );
    const planned = rows.flatMap((input, index) => {
      const before = errors.count;
      const fail = (field: string, code: 'NOT_FOUND' | 'INVALID_FORMAT', message: string) =>
        errors.add(index, input.id ?? null, field, code, message);
      const mentor = teachers.get(input.mentorCode);
      const mentee = teachers.get(input.menteeCode);
      if (!mentor) {
        fail('mentorCode', 'NOT_FOUND', `Педагог ${input.mentorCode} не найден`);
      }
      if (!mentee) {
        fail('menteeCode', 'NOT_FOUND', `Педагог ${input.menteeCode} не найден`);
      }
      if (mentor && mentor === mentee) {
        fail('menteeCode', 'INVALID_FORMAT', 'Наставник и наставляемый — один человек');
      }
      const current = input.id ? (existing.get(input.id) ?? null) : null;
      if (input.id && !current) {
        fail('id', 'NOT_FOUND', 'Пара уже удалена: обновите таблицу');
      }
      checkVersion(index, input, current, errors);
      for (const field of ['startedOn', 'endedOn'] as const) {
        const value = input[field];
        if (value != null && !isIsoDate(value)) {
          fail(field, 'INVALID_FORMAT', 'Дата в формате ГГГГ-ММ-ДД');
        }
      }
      if (input.endedOn && input.endedOn < input.startedOn) {
        fail('endedOn', 'INVALID_FORMAT', 'Окончание раньше начала');
      }
      return errors.count === before && mentor && mentee
        ? [{ index, input, mentor, mentee, current }]
        : [];
    });
    // The limit counts the mentor's live pairs as they will be after this batch.
    const mentorIds = [...new Set(planned.map((p) => p.mentor.id))];
    const stored = mentorIds.length
      ? await tem.find(Mentorship, { mentor: { $in: mentorIds }, status: { $in: LIVE } })
      : [];
    const editedIds = new Set(planned.flatMap((p) => (p.current ? [p.current.id] : [])));
    const load = new Map<number, number>();
    for (const pair of stored.filter((m) => !editedIds.has(m.id))) {
      load.set(pair.mentor.id, (load.get(pair.mentor.id) ?? 0) + 1);
    }
    for (const { index, input, mentor, current } of planned) {
      const status = input.status ?? current?.status ?? MentorshipStatus.ACTIVE;
      if (!LIVE.includes(status)) {
        continue;
      }
      const count = (load.get(mentor.id) ?? 0) + 1;
      load.set(mentor.id, count);
      if (count > maxMenteesPerMentor) {
        errors.add(
          index,
          input.id ?? null,
          'mentorCode',
          'INVALID_FORMAT',
          `У наставника ${input.mentorCode} будет ${count} наставляемых при пределе ${maxMenteesPerMentor}`,
        );
      }
    }
    access.assertCanWriteUnits(
      planned.map(({ mentee }) => ({
        municipalityId: mentee.municipality.id,
        organizationId: mentee.organization.id,
      })),
    );
    return {
      errors,
      async write() {
        const written = planned.map(({ input, mentor, mentee, current }) => {
          const pair =
            current ??
            tem.create(Mentorship, {
              mentor,
              mentee,
              municipality: mentee.municipality,
              form: input.form,
              startedOn: input.startedOn,
            });
          tem.assign(pair, {
            mentor,
            mentee,
            form: input.form,
            deliveryType:
              input.deliveryType ?? current?.deliveryType ?? MentorshipDelivery.TRADITIONAL,
            programme: input.programme ?? current?.programme ?? null,
            startedOn: input.startedOn,
            endedOn: input.endedOn ?? null,
            status: input.status ?? current?.status ?? MentorshipStatus.ACTIVE,
            outcome: input.outcome ?? current?.outcome ?? null,
          });
          return pair;
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
