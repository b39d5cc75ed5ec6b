// The nested list municipality → organizations → teachers → latest diagnosis: the same rows as
// the root lists for the same viewer, a fixed number of SQL statements whatever the page and the
// data, bounded page sizes, and no teacher rows or names for dashboards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../server/db/query-counter';
import { DATABASE_TARGETS, startTestServer, type TestServer } from '../helpers/server';

const MAX_COST = 100_000_000;

const NESTED = `query ($municipalities: Int!, $organizations: Int = 100, $teachers: Int = 100) {
  municipalities(first: $municipalities) {
    nodes {
      id code
      organizations(first: $organizations) {
        id code kind
        teachers(first: $teachers) {
          id personnelCode fullName
          latestDiagnostic { id deficits campaign { code heldOn } }
        }
      }
    }
  }
}`;

interface NestedTeacher {
  id: string;
  personnelCode: string;
  fullName: string | null;
  latestDiagnostic: {
    id: string;
    deficits: string[];
    campaign: { code: string; heldOn: string };
  } | null;
}
interface NestedOrganization {
  id: string;
  code: string;
  kind: string;
  teachers: NestedTeacher[];
}
interface NestedMunicipality {
  id: string;
  code: string;
  organizations: NestedOrganization[];
}

describe.each(DATABASE_TARGETS)('nested organizations, teachers and diagnoses on %s', (target) => {
  let hub: TestServer;
  let malyshevsky = '';
  let sverdlovsk = '';
  let methodologist = '';
  let dashboard = '';

  beforeAll(async () => {
    // Page sizes of the benchmark shape exceed the default cost limit (see the last test): raised
    // here to count statements on real page sizes.
    hub = await startTestServer(target, { seedDemo: true, maxQueryCost: MAX_COST });
    const { data } = await hub.gql(
      '{ municipalities(first: 100) { nodes { id code region { id } } } }',
    );
    const home = data!.municipalities.nodes.find((m: any) => m.code === '66-malyshevsky');
    malyshevsky = home.id;
    sverdlovsk = home.region.id;
    methodologist = await hub.tokenFor({
      login: 'nested-methodist',
      role: 'MUNICIPAL_METHODOLOGIST',
      municipalityId: malyshevsky,
      regionId: sverdlovsk,
    });
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "Дашборд", role: DASHBOARD }) { token } }',
    );
    dashboard = created.data!.createApiToken.token;
    // The demo set takes a minute on PGlite alone, longer beside other suites.
  }, 600_000);

  afterAll(async () => {
    await hub?.stop();
  });

  async function nested(
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<{ statements: number; municipalities: NestedMunicipality[] }> {
    const { statements, result } = await countStatements(() =>
      hub.gql(NESTED, variables, token === undefined ? {} : { token }),
    );
    expect(result.errors).toBeUndefined();
    return { statements, municipalities: result.data!.municipalities.nodes };
  }

  /** Every page of a root list, in order. */
  async function allPages<T>(
    field: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T[]> {
    const rows: T[] = [];
    for (let offset = 0; ; offset += 500) {
      const { data, errors } = await hub.gql(
        query,
        { ...variables, offset },
        token === undefined ? {} : { token },
      );
      expect(errors).toBeUndefined();
      rows.push(...data![field].nodes);
      if (!data![field].pageInfo.hasNextPage) {
        return rows;
      }
    }
  }

  /** What the root lists say for the same municipalities and viewer, in the nested shape. */
  async function fromRootQueries(
    municipalities: NestedMunicipality[],
    token?: string,
  ): Promise<NestedMunicipality[]> {
    const ids = municipalities.map((m) => m.id);
    const organizations = await allPages<any>(
      'organizations',
      `query ($ids: [ID!], $offset: Int) {
        organizations(filter: { municipalityId: { in: $ids } }, first: 500, offset: $offset) {
          nodes { id code kind municipality { id } } pageInfo { hasNextPage }
        }
      }`,
      { ids },
      token,
    );
    const teachers = await allPages<any>(
      'teachers',
      `query ($ids: [ID!], $offset: Int) {
        teachers(filter: { municipalityId: { in: $ids } }, first: 500, offset: $offset) {
          nodes { id personnelCode fullName organization { id } } pageInfo { hasNextPage }
        }
      }`,
      { ids },
      token,
    );
    const results = teachers.length
      ? await allPages<any>(
          'diagnosticResults',
          `query ($ids: [ID!], $offset: Int) {
            diagnosticResults(filter: { teacherId: { in: $ids } }, first: 500, offset: $offset) {
              nodes { id deficits teacher { id } campaign { code heldOn } } pageInfo { hasNextPage }
            }
          }`,
          { ids: teachers.map((t) => t.id) },
          token,
        )
      : [];
    // The latest: the latest campaign date, then the later result.
    const latest = new Map<string, any>();
    for (const result of results) {
      const seen = latest.get(result.teacher.id);
      const later =
        !seen ||
        result.campaign.heldOn > seen.campaign.heldOn ||
        (result.campaign.heldOn === seen.campaign.heldOn && Number(result.id) > Number(seen.id));
      if (later) {
        latest.set(result.teacher.id, result);
      }
    }
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
    return municipalities.map((m) => ({
      id: m.id,
      code: m.code,
      organizations: organizations
        .filter((o) => o.municipality.id === m.id)
        .sort(byCode)
        .map((o) => ({
          id: o.id,
          code: o.code,
          kind: o.kind,
          teachers: teachers
            .filter((t) => t.organization.id === o.id)
            .map((t) => {
              const result = latest.get(t.id);
              return {
                id: t.id,
                personnelCode: t.personnelCode,
                fullName: t.fullName,
                latestDiagnostic: result
                  ? { id: result.id, deficits: result.deficits, campaign: result.campaign }
                  : null,
              };
            }),
        })),
    }));
  }

  const teacherCount = (municipalities: NestedMunicipality[]) =>
    municipalities.flatMap((m) => m.organizations).flatMap((o) => o.teachers).length;

  it('answers the same organizations, teachers and latest results as the root lists', async () => {
    const { municipalities } = await nested({ municipalities: 3 });
    expect(teacherCount(municipalities)).toBeGreaterThan(100);
    expect(
      municipalities.flatMap((m) => m.organizations).flatMap((o) => o.teachers),
    ).toContainEqual(expect.objectContaining({ latestDiagnostic: expect.anything() }));
    expect(municipalities).toEqual(await fromRootQueries(municipalities));
  });

  it('keeps a municipal methodologist to their municipality, as the root lists do', async () => {
    const { municipalities } = await nested({ municipalities: 100 }, methodologist);
    const withOrganizations = municipalities.filter((m) => m.organizations.length > 0);
    expect(withOrganizations.map((m) => m.id)).toEqual([malyshevsky]);
    expect(teacherCount(municipalities)).toBeGreaterThan(0);
    expect(withOrganizations).toEqual(await fromRootQueries(withOrganizations, methodologist));
    // Reached through the organizations directory, another municipality's teachers stay hidden.
    const { data } = await hub.gql(
      `query ($m: ID!) { organizations(filter: { municipalityId: { eq: $m } }, first: 500) {
        nodes { teachers { id } } } }`,
      { m: municipalities.find((m) => m.id !== malyshevsky)!.id },
      { token: methodologist },
    );
    expect(data!.organizations.nodes.length).toBeGreaterThan(0);
    expect(data!.organizations.nodes.flatMap((o: any) => o.teachers)).toEqual([]);
  });

  it('shows a moved teacher, reached through an old result, only the results in scope', async () => {
    const { data } = await hub.gql(
      '{ organizations(first: 500) { nodes { code municipality { code } } } }',
    );
    const schoolOf = (code: string) =>
      data!.organizations.nodes.find((o: any) => o.municipality.code === code).code;
    const campaign = (code: string, heldOn: string) =>
      `{ code: "${code}", name: "${code}", heldOn: "${heldOn}", areas: [{ area: "SUBJECT", maxScore: 100, deficitBelow: 50 }] }`;
    const move = (organizationCode: string) =>
      hub.gql(
        `mutation ($o: String!) { upsertTeachers(rows: [{ personnelCode: "NESTED-MOVER", organizationCode: $o, fullName: "Переведённый" }]) { ok } }`,
        { o: organizationCode },
      );
    const diagnose = (campaignCode: string) =>
      hub.gql(
        `mutation { upsertDiagnosticResults(rows: [{ campaignCode: "${campaignCode}", personnelCode: "NESTED-MOVER", scores: { SUBJECT: 70 } }]) { ok } }`,
      );
    await hub.gql(
      `mutation { upsertDiagnosticCampaigns(rows: [${campaign('MOVE-OLD', '2031-01-10')}, ${campaign('MOVE-NEW', '2031-06-10')}]) { ok } }`,
    );
    expect((await move(schoolOf('66-malyshevsky'))).data!.upsertTeachers.ok).toBe(true);
    expect((await diagnose('MOVE-OLD')).data!.upsertDiagnosticResults.ok).toBe(true);
    expect((await move(schoolOf('19-chernogorsk'))).data!.upsertTeachers.ok).toBe(true);
    expect((await diagnose('MOVE-NEW')).data!.upsertDiagnosticResults.ok).toBe(true);

    const query = `{ diagnosticResults(filter: { campaignCode: { in: ["MOVE-OLD", "MOVE-NEW"] } }) {
      nodes { campaign { code } teacher { latestDiagnostic { campaign { code } } } } } }`;
    // The administrator sees both results, and the newer one as the latest.
    const all = await hub.gql(query);
    expect(all.data!.diagnosticResults.nodes).toHaveLength(2);
    for (const node of all.data!.diagnosticResults.nodes) {
      expect(node.teacher.latestDiagnostic.campaign.code).toBe('MOVE-NEW');
    }
    // Малышевский's methodologist sees the result taken there, not the one after the move.
    const own = await hub.gql(query, {}, { token: methodologist });
    expect(own.data!.diagnosticResults.nodes).toEqual([
      {
        campaign: { code: 'MOVE-OLD' },
        teacher: { latestDiagnostic: { campaign: { code: 'MOVE-OLD' } } },
      },
    ]);
  });

  it('gives a dashboard token no teachers, names or results', async () => {
    const { municipalities } = await nested({ municipalities: 100 }, dashboard);
    expect(municipalities.length).toBeGreaterThan(20);
    expect(municipalities.flatMap((m) => m.organizations)).toEqual([]);
    // The organizations directory is open to dashboards; its teachers are not.
    const { data, errors } = await hub.gql(
      '{ organizations(first: 100) { nodes { code teachers { fullName personnelCode latestDiagnostic { id } } } } }',
      {},
      { token: dashboard },
    );
    expect(errors).toBeUndefined();
    expect(data!.organizations.nodes.length).toBeGreaterThan(0);
    expect(data!.organizations.nodes.flatMap((o: any) => o.teachers)).toEqual([]);
  });

  it('costs the same number of SQL statements for 2 or 20 municipalities and after more data', async () => {
    const small = await nested({ municipalities: 2 });
    const large = await nested({ municipalities: 20 });
    expect(teacherCount(large.municipalities)).toBeGreaterThan(
      (10 * teacherCount(small.municipalities)) / 2,
    );
    expect(large.statements).toBe(small.statements);
    // The session's user, municipalities (no count: totalCount is not asked for),
    // organizations, teachers, latest results, the teachers' municipalities (scope of the
    // name) and the results' campaigns.
    expect(large.statements).toBe(7);

    // More teachers and a newer diagnosis of them, through the API.
    const school = small.municipalities[0].organizations[0];
    const added = await hub.gql(
      `mutation ($rows: [TeacherInput!]!) {
        upsertTeachers(rows: $rows) { ok }
        upsertDiagnosticCampaigns(rows: [{ code: "NESTED-1", name: "Повторная", heldOn: "2040-01-15",
          areas: [{ area: "SUBJECT", maxScore: 100, deficitBelow: 50 }] }]) { ok }
      }`,
      {
        rows: Array.from({ length: 30 }, (_, i) => ({
          personnelCode: `NESTED-${i}`,
          organizationCode: school.code,
          fullName: `Педагог ${i}`,
        })),
      },
    );
    expect(added.errors).toBeUndefined();
    const diagnosed = await hub.gql(
      'mutation ($rows: [DiagnosticResultInput!]!) { upsertDiagnosticResults(rows: $rows) { ok } }',
      {
        rows: [...school.teachers.map((t) => t.personnelCode), 'NESTED-0', 'NESTED-1'].map(
          (personnelCode, i) => ({
            campaignCode: 'NESTED-1',
            personnelCode,
            scores: { SUBJECT: i % 2 ? 40 : 80 },
          }),
        ),
      },
    );
    expect(diagnosed.data!.upsertDiagnosticResults.ok).toBe(true);

    const after = await nested({ municipalities: 20 });
    expect(after.statements).toBe(large.statements);
    const teachers = after.municipalities[0].organizations[0].teachers;
    expect(teachers.length).toBe(Math.min(100, school.teachers.length + 30));
    const newest = teachers.filter((t) => t.latestDiagnostic?.campaign.code === 'NESTED-1');
    expect(newest.length).toBe(
      Math.min(school.teachers.length, 100) +
        teachers.filter((t) => ['NESTED-0', 'NESTED-1'].includes(t.personnelCode)).length,
    );
    expect(after.municipalities.slice(0, 2)).toEqual(
      await fromRootQueries(after.municipalities.slice(0, 2)),
    );
  });

  it('takes the first N of each parent, by code and personnel code, of one kind if asked', async () => {
    const query = `{
      municipalities(first: 5) { nodes {
        all: organizations(first: 1000) { code kind }
        first: organizations(first: 2) { code teachers(first: 3) { personnelCode } }
        schools: organizations(kind: SCHOOL, first: 1000) { code }
      } }
    }`;
    const { data, errors } = await hub.gql(query);
    expect(errors).toBeUndefined();
    for (const m of data!.municipalities.nodes) {
      const codes = m.all.map((o: any) => o.code);
      expect(codes).toEqual([...codes].sort());
      expect(m.first.map((o: any) => o.code)).toEqual(codes.slice(0, 2));
      expect(m.schools.map((o: any) => o.code)).toEqual(
        m.all.filter((o: any) => o.kind === 'SCHOOL').map((o: any) => o.code),
      );
      for (const o of m.first) {
        expect(o.teachers.length).toBeLessThanOrEqual(3);
        const personnel = o.teachers.map((t: any) => t.personnelCode);
        expect(personnel).toEqual([...personnel].sort());
      }
    }
  });

  it('refuses page sizes beyond the bound with BAD_USER_INPUT', async () => {
    for (const variables of [
      { municipalities: 1, organizations: 1001 },
      { municipalities: 1, teachers: 5000 },
      { municipalities: 1, organizations: -1 },
    ]) {
      const { errors } = await hub.gql(NESTED, variables);
      expect(errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'first', max: 1000 },
      });
    }
  });

  it('counts every nested page size in the query cost', async () => {
    const cost = async (organizations: number, teachers: number) => {
      const { errors } = await hub.gql(NESTED, { municipalities: 20, organizations, teachers });
      expect(errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY', limit: MAX_COST },
      });
      return errors![0].extensions!.cost as number;
    };
    const full = await cost(1000, 1000);
    expect(await cost(1000, 500)).toBeLessThan(full * 0.51);
    expect(await cost(500, 1000)).toBeLessThan(full * 0.51);
  });
});
