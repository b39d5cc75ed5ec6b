import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
} from '../../server/modules/geography/geography.entity';
import { startTestServer, type TestServer } from '../helpers/server';

const CREATE =
  'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id role region { id } municipality { id } organizationId } } }';

describe('createApiToken: scopes', () => {
  let hub: TestServer;
  const ids = { region: '', otherRegion: '', municipality: '', otherMunicipality: '', school: '' };

  beforeAll(async () => {
    hub = await startTestServer('pglite');
    const { data } = await hub.gql('{ municipalities { nodes { id name region { id } } } }');
    const byName = (name: string) => data!.municipalities.nodes.find((m: any) => m.name === name);
    ids.municipality = byName('Малышевский городской округ').id;
    ids.region = byName('Малышевский городской округ').region.id;
    ids.otherMunicipality = byName('Кингисеппский муниципальный район').id;
    ids.otherRegion = byName('Кингисеппский муниципальный район').region.id;
    const em = hub.orm.em.fork();
    const school = em.create(Organization, {
      municipality: em.getReference(Municipality, Number(ids.municipality)),
      code: 'tokens-test-school',
      name: 'МАОУ СОШ № 3',
      kind: OrganizationKind.SCHOOL,
    });
    await em.flush();
    ids.school = String(school.id);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  const create = (input: Record<string, unknown>) =>
    hub.gql(CREATE, { input: { name: 'Дашборд', role: 'DASHBOARD', ...input } });

  it("scopes a coordinator-level dashboard to one organization and reads its municipality's aggregates", async () => {
    const { data, errors } = await create({ organizationId: ids.school });
    expect(errors).toBeUndefined();
    expect(data!.createApiToken.apiToken).toMatchObject({
      role: 'DASHBOARD',
      organizationId: ids.school,
      municipality: { id: ids.municipality },
      region: { id: ids.region },
    });
    const listed = await hub.gql('{ apiTokens { id organizationId } }');
    expect(listed.data!.apiTokens).toContainEqual({
      id: data!.createApiToken.apiToken.id,
      organizationId: ids.school,
    });
    const coverage = await hub.gql(
      '{ roadmapCoverage { totals { municipalityId } } }',
      {},
      { token: data!.createApiToken.token },
    );
    expect(coverage.errors).toBeUndefined();
    expect(coverage.data!.roadmapCoverage.totals).toEqual([{ municipalityId: ids.municipality }]);
  });

  it('brings the region along with a municipality (a regional token may name only that)', async () => {
    const { data, errors } = await create({
      role: 'REGIONAL_ANALYST',
      municipalityId: ids.otherMunicipality,
    });
    expect(errors).toBeUndefined();
    expect(data!.createApiToken.apiToken).toMatchObject({
      region: { id: ids.otherRegion },
      municipality: { id: ids.otherMunicipality },
      organizationId: null,
    });
  });

  it('refuses scopes that do not fit together, naming the field', async () => {
    const outsideMunicipality = await create({
      municipalityId: ids.otherMunicipality,
      organizationId: ids.school,
    });
    expect(outsideMunicipality.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });
    const outsideRegion = await create({
      regionId: ids.otherRegion,
      municipalityId: ids.municipality,
    });
    expect(outsideRegion.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'municipalityId',
    });
  });

  it('refuses unknown scope ids with NOT_FOUND and a coordinator token without its organization', async () => {
    const count = async () => (await hub.gql('{ apiTokens { id } }')).data!.apiTokens.length;
    const before = await count();
    const unknown = await create({ organizationId: '999003' });
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'organizationId',
    });
    const noSchool = await create({
      role: 'SCHOOL_COORDINATOR',
      municipalityId: ids.municipality,
    });
    expect(noSchool.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });
    expect(await count()).toBe(before);
  });

  it('names the administrator in the audit trail of a token’s creation and revocation', async () => {
    const { data } = await create({ name: 'Аудит токена' });
    const id = data!.createApiToken.apiToken.id;
    await hub.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id });
    const history = await hub.gql(
      'query ($id: ID!) { history(entity: "api_token", id: $id) { nodes { action field actorLabel } } }',
      { id },
    );
    expect(history.data!.history.nodes).toEqual([
      { action: 'CREATE', field: null, actorLabel: 'admin' },
      { action: 'UPDATE', field: 'revoked_at', actorLabel: 'admin' },
    ]);
  });
});
