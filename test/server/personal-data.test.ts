import 'reflect-metadata';
import { execute, parse } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context';
import { Role } from '../../server/modules/access/access.enums';
import { PersonalData } from '../../server/modules/access/personal-data';
import { Access, type Viewer } from '../../server/modules/access/viewer';
import { startTestServer, type TestServer } from '../helpers/server';

// A pupil-like row of municipality 7 (region 2), as the next domains will have.
@ObjectType()
class PupilRow {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  @PersonalData<PupilRow>(() => ({ id: 7, regionId: 2 }))
  fullName!: string | null;
}

@Resolver()
class PupilResolver {
  @Query(() => [PupilRow])
  pupils(): PupilRow[] {
    return [{ code: 'P-001', fullName: 'Иванов Иван' }];
  }
}

const viewer = (role: Role, scope: Partial<Viewer> = {}): Viewer => ({
  kind: 'user',
  id: 1,
  label: 'x',
  role,
  regionId: null,
  municipalityId: null,
  organizationId: null,
  ...scope,
});

describe('personal-data fields', () => {
  it.each([
    ['admin', viewer(Role.ADMIN), 'Иванов Иван'],
    ['analyst of the region', viewer(Role.REGIONAL_ANALYST, { regionId: 2 }), 'Иванов Иван'],
    ['analyst of another region', viewer(Role.REGIONAL_ANALYST, { regionId: 3 }), null],
    [
      'methodologist of the municipality',
      viewer(Role.MUNICIPAL_METHODOLOGIST, { municipalityId: 7, regionId: 2 }),
      'Иванов Иван',
    ],
    [
      'methodologist of a neighbour',
      viewer(Role.MUNICIPAL_METHODOLOGIST, { municipalityId: 8, regionId: 2 }),
      null,
    ],
    ['dashboard token', viewer(Role.DASHBOARD, { kind: 'token' }), null],
  ])('are shown to %s only within scope', async (_name, who, expected) => {
    const schema = await buildSchema({ resolvers: [PupilResolver], validate: false });
    const context = { access: new Access(who) } as unknown as Context;
    const result = await execute({
      schema,
      document: parse('{ pupils { code fullName } }'),
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ pupils: [{ code: 'P-001', fullName: expected }] });
  });
});

describe('personal data in the roadmap API', () => {
  let hub: TestServer;

  beforeAll(async () => {
    hub = await startTestServer('pglite');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('shows executors’ full names within scope and never to a dashboard token', async () => {
    const query = '{ municipalities { nodes { name executors { name fullName } } } }';
    const admin = await hub.gql(query);
    const malyshevsky = admin.data!.municipalities.nodes.find(
      (m: any) => m.name === 'Малышевский городской округ',
    );
    expect(malyshevsky.executors).toContainEqual({
      name: 'ОО АМГО',
      fullName: 'отдел образования администрации Малышевского городского округа',
    });
    const created = await hub.gql(
      'mutation { createApiToken(input: { name: "Дашборд", role: DASHBOARD }) { token } }',
    );
    const dashboard = await hub.gql(query, {}, { token: created.data!.createApiToken.token });
    const names = dashboard.data!.municipalities.nodes.flatMap((m: any) => m.executors);
    expect(names).toEqual([]);
  });
});
