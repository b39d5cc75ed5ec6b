import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Municipality,
  Organization,
  OrganizationKind,
  Settlement,
} from '../../server/modules/geography/geography.entity';
import { startTestServer, type TestServer } from '../helpers/server';

describe('geography API', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('lists the seeded regions with their municipalities', async () => {
    const { data } = await hub.gql(
      '{ regions { code name federalDistrict municipalities { name type } } }',
    );
    const dagestan = data!.regions.find((r: any) => r.code === '05');
    expect(dagestan).toEqual({
      code: '05',
      name: 'Республика Дагестан',
      federalDistrict: 'Северо-Кавказский',
      municipalities: [
        { name: 'Сергокалинский район', type: 'MUNICIPAL_DISTRICT' },
        { name: 'городской округ «город Кизляр»', type: 'URBAN_OKRUG' },
      ],
    });
    expect(data!.regions.map((r: any) => r.code).sort()).toEqual(['05', '19', '47', '66']);
  });

  it('filters municipalities by region and name', async () => {
    const { data: regions } = await hub.gql('{ regions { id code } }');
    const hakassia = regions!.regions.find((r: any) => r.code === '19').id;
    const { data } = await hub.gql(
      'query ($r: ID!) { municipalities(filter: { regionId: { eq: $r } }) { totalCount nodes { name region { name } } } }',
      { r: hakassia },
    );
    expect(data!.municipalities).toEqual({
      totalCount: 1,
      nodes: [{ name: 'город Черногорск', region: { name: 'Республика Хакасия' } }],
    });
    const byName = await hub.gql(
      '{ municipalities(filter: { name: { contains: "РАЙОН" } }) { totalCount } }',
    );
    expect(byName.data!.municipalities.totalCount).toBe(2);
  });

  it('lists organizations with typed filters', async () => {
    const em = hub.orm.em.fork();
    const municipality = await em.findOneOrFail(Municipality, { name: 'город Черногорск' });
    em.create(Organization, {
      municipality,
      code: '19-chernogorsk-s01',
      name: 'МБОУ «Средняя школа № 1»',
      kind: OrganizationKind.SCHOOL,
      settlement: Settlement.URBAN,
      lowResults: true,
    });
    em.create(Organization, {
      municipality,
      code: '19-chernogorsk-d02',
      name: 'МБДОУ «Детский сад № 2»',
      kind: OrganizationKind.PRESCHOOL,
    });
    await em.flush();
    const { data } = await hub.gql(
      'query ($m: ID!) { organizations(filter: { municipalityId: { eq: $m }, kind: [SCHOOL], lowResults: true }) { totalCount nodes { code name settlement municipality { name } } } }',
      { m: String(municipality.id) },
    );
    expect(data!.organizations).toEqual({
      totalCount: 1,
      nodes: [
        {
          code: '19-chernogorsk-s01',
          name: 'МБОУ «Средняя школа № 1»',
          settlement: 'URBAN',
          municipality: { name: 'город Черногорск' },
        },
      ],
    });
  });
});
