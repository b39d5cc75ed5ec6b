// Olympiad protocol entries as a grid pages them (issue #8, large tables): `orderBy` by the grid's
// sortable columns with the id breaking ties, so offset pages of any size join into one list
// without gaps or repeats; a bad order is refused; a page costs the same statements at any offset
// and size. 36 entries in two years and two schools, with many equal scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const UPSERT = `mutation ($rows: [OlympiadRecordInput!]!) {
  upsertOlympiadRecords(rows: $rows) { ok errors { index field code message } }
}`;
const PAGE = `query ($filter: OlympiadRecordFilter, $orderBy: [OlympiadRecordOrder!], $first: Int, $offset: Int) {
  olympiadRecords(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
    totalCount
    nodes { id academicYear stage score status gradeActual subject { code name }
            student { code fullName } organization { code name } municipality { name } }
  }
}`;
const SCHOOLS = [
  { code: 'ls-b', name: 'Школа Б' },
  { code: 'ls-a', name: 'Школа А' },
];
const SUBJECTS = ['BIO', 'MATH', 'PHYS'];
const STAGE_ORDER = ['SCHOOL', 'MUNICIPAL', 'REGIONAL', 'FINAL'];

type Node = {
  id: string;
  academicYear: string;
  stage: string;
  score: number;
  gradeActual: number;
  subject: { code: string };
  student: { code: string };
  organization: { code: string; name: string };
};
type Order = { field: string; direction?: 'ASC' | 'DESC' };

describe.each(DATABASE_TARGETS)('olympiad protocol listing on %s', (target) => {
  let hub: TestServer;
  const filter = { studentCode: { in: [0, 1, 2, 3, 4, 5].map((p) => `LS-0${p}`) } };
  const page = async (orderBy: Order[] | undefined, first: number, offset: number) => {
    const { data, errors } = await hub.gql(PAGE, { filter, orderBy, first, offset });
    expect(errors).toBeUndefined();
    return data!.olympiadRecords as { totalCount: number; nodes: Node[] };
  };
  /** Every entry through pages of `size`. */
  const paged = async (orderBy: Order[] | undefined, size: number) => {
    const nodes: Node[] = [];
    for (let offset = 0; ; offset += size) {
      const next = await page(orderBy, size, offset);
      nodes.push(...next.nodes);
      if (offset + size >= next.totalCount) {
        return nodes;
      }
    }
  };

  beforeAll(async () => {
    hub = await startTestServer(target, { today: '2025-10-01' });
    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { code: '66-malyshevsky' });
    for (const school of SCHOOLS) {
      em.create(Organization, { municipality, ...school, kind: OrganizationKind.SCHOOL });
    }
    await em.flush();
    // 6 pupils × 3 subjects × 2 years; scores repeat so the order needs its tie-breaker.
    const rows = [];
    for (const academicYear of ['2024/2025', '2025/2026']) {
      for (let pupil = 0; pupil < 6; pupil += 1) {
        for (const [s, subject] of SUBJECTS.entries()) {
          rows.push({
            academicYear,
            subject,
            stage: 'SCHOOL',
            studentCode: `LS-${String(pupil).padStart(2, '0')}`,
            organizationCode: SCHOOLS[pupil % 2].code,
            gradeActual: 8 + (pupil % 3),
            score: 10 * ((pupil + s) % 3),
            maxScore: 50,
          });
        }
      }
    }
    const written = await hub.gql(UPSERT, { rows });
    expect(written.data?.upsertOlympiadRecords).toMatchObject({ ok: true, errors: [] });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('pages the default order (newest year first) without gaps or repeats at any size', async () => {
    const all = (await page(undefined, 100, 0)).nodes;
    expect(all).toHaveLength(36);
    expect(all[0].academicYear).toBe('2025/2026');
    expect(all[35].academicYear).toBe('2024/2025');
    for (const size of [1, 5, 7]) {
      expect((await paged(undefined, size)).map((n) => n.id)).toEqual(all.map((n) => n.id));
    }
  });

  it('sorts by each column asked for, ties broken by id, pages stable', async () => {
    const byScore = (await page([{ field: 'SCORE', direction: 'DESC' }], 100, 0)).nodes;
    for (let i = 1; i < byScore.length; i += 1) {
      const [a, b] = [byScore[i - 1], byScore[i]];
      expect(a.score > b.score || (a.score === b.score && Number(a.id) < Number(b.id))).toBe(true);
    }
    expect((await paged([{ field: 'SCORE', direction: 'DESC' }], 5)).map((n) => n.id)).toEqual(
      byScore.map((n) => n.id),
    );

    const two = (await page([{ field: 'ORGANIZATION' }, { field: 'STUDENT_CODE' }], 100, 0)).nodes;
    // «Школа А» before «Школа Б», then pupil codes.
    expect(two.slice(0, 18).every((n) => n.organization.code === 'ls-a')).toBe(true);
    const codes = two.map((n) => `${n.organization.name}|${n.student.code}`);
    expect(codes).toEqual([...codes].sort());
    expect(
      (await paged([{ field: 'ORGANIZATION' }, { field: 'STUDENT_CODE' }], 7)).map((n) => n.id),
    ).toEqual(two.map((n) => n.id));

    const bySubject = (await page([{ field: 'SUBJECT', direction: 'DESC' }], 100, 0)).nodes;
    // The directory order: mathematics, then physics, … biology later (descending: reversed).
    const subjectRuns = bySubject.map((n) => n.subject.code).filter((c, i, a) => c !== a[i - 1]);
    expect(subjectRuns).toHaveLength(3);
    const byYear = (await page([{ field: 'ACADEMIC_YEAR' }, { field: 'GRADE' }], 100, 0)).nodes;
    expect(byYear[0]).toMatchObject({ academicYear: '2024/2025', gradeActual: 8 });
    expect(STAGE_ORDER).toContain(byYear[0].stage);
  });

  it('refuses an unknown column, a column twice and too many columns', async () => {
    // Written into the document: a bad enum in variables trips the complexity rule first (it
    // coerces variables itself and its error comes back masked), a separate matter.
    const unknown = await hub.gql(
      '{ olympiadRecords(orderBy: [{ field: FULL_NAME }]) { totalCount } }',
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.data ?? null).toBeNull();
    const twice = await hub.gql(PAGE, {
      filter,
      orderBy: [{ field: 'SCORE' }, { field: 'SCORE', direction: 'DESC' }],
    });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orderBy.1',
    });
    const many = await hub.gql(PAGE, {
      filter,
      orderBy: ['SCORE', 'STAGE', 'SUBJECT', 'STATUS', 'GRADE'].map((field) => ({ field })),
    });
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads a page in the same number of statements whatever its size, offset and order', async () => {
    const counts = [];
    for (const [orderBy, first, offset] of [
      [undefined, 1, 0],
      [undefined, 30, 5],
      [[{ field: 'ORGANIZATION' }, { field: 'STUDENT_CODE', direction: 'DESC' }], 20, 10],
      [[{ field: 'SUBJECT' }, { field: 'MUNICIPALITY' }], 36, 0],
    ] as const) {
      const { statements, result } = await countStatements(() =>
        hub.gql(PAGE, { filter, orderBy, first, offset }),
      );
      expect(result.errors).toBeUndefined();
      counts.push(statements);
    }
    // The session, the page, its count, then one batched lookup per kind of row named.
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(9);
  });
});
