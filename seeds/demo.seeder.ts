import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Municipality, Organization, Region } from '../server/modules/geography/geography.entity';
import { INDICATOR_CATALOG } from '../server/modules/indicators/indicators.catalog';
import { Indicator } from '../server/modules/indicators/indicators.entity';
import { ValueSource } from '../server/modules/indicators/indicators.enums';
import { type DemoCounts, type DemoData, generateDemoData } from './demo/demo.generator';
import { pgArray } from '../server/shared/pg-array';

// Rows per multi-row INSERT, well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2000;

async function insertChunked<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await em.insertMany(entity, rows.slice(start, start + CHUNK) as never[]);
  }
}

async function idsByCode<T extends { id: number; code: string }>(
  em: EntityManager,
  entity: new () => T,
  codes: string[],
): Promise<Map<string, number>> {
  const rows = await em.find(entity, { code: { $in: codes } } as never, {
    fields: ['id', 'code'] as never,
  });
  return new Map(rows.map((row) => [row.code, row.id]));
}

function need(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code);
  if (id === undefined) {
    throw new Error(`Demo data: ${what} ${code} is not seeded`);
  }
  return id;
}

async function insertMunicipalities(
  em: EntityManager,
  data: DemoData,
): Promise<Map<string, number>> {
  const regions = await idsByCode(em, Region, [
    ...new Set(data.municipalities.map((m) => m.regionCode)),
  ]);
  const peers = data.municipalities.filter((m) => m.peer);
  await insertChunked(
    em,
    Municipality,
    peers.map((m) => ({
      region: need(regions, m.regionCode, 'region'),
      code: m.code,
      demo: true,
      ...m.peer,
    })),
  );
  return idsByCode(
    em,
    Municipality,
    data.municipalities.map((m) => m.code),
  );
}

async function insertOrganizations(
  em: EntityManager,
  data: DemoData,
  municipalities: Map<string, number>,
): Promise<Map<string, number>> {
  await insertChunked(
    em,
    Organization,
    data.organizations.map((org) => ({
      municipality: need(municipalities, org.municipalityCode, 'municipality'),
      code: org.code,
      demo: true,
      name: org.name,
      shortName: org.shortName,
      kind: org.kind,
      settlement: org.settlement,
      enrolment: org.enrolment,
      lowResults: org.lowResults,
      unfavourableConditions: org.unfavourableConditions,
      riskZone: org.riskZone,
    })),
  );
  return idsByCode(
    em,
    Organization,
    data.organizations.map((org) => org.code),
  );
}

// Demo values go in as one column array per field (insert … select from unnest): on PGlite
// faster than multi-row VALUES with ten bind parameters a row (≈ 20–30 % in a trial).
const VALUE_COLUMNS = [
  ['indicator_id', 'int'],
  ['municipality_id', 'int'],
  ['organization_id', 'int'],
  ['period', 'text'],
  ['period_kind', 'period_kind'],
  ['period_start', 'date'],
  ['value', 'float8'],
  ['numerator', 'float8'],
  ['denominator', 'float8'],
  ['source', 'value_source'],
] as const;

type ValueRow = Record<(typeof VALUE_COLUMNS)[number][0], string | number | null>;

const VALUES_CHUNK = 10_000;

async function insertValues(em: EntityManager, rows: ValueRow[]): Promise<void> {
  const columns = VALUE_COLUMNS.map(([name]) => `"${name}"`).join(', ');
  const arrays = VALUE_COLUMNS.map(([, type]) => `?::${type}[]`).join(', ');
  const sql = `insert into "indicator_value" (${columns}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += VALUES_CHUNK) {
    const chunk = rows.slice(start, start + VALUES_CHUNK);
    await em.execute(
      sql,
      VALUE_COLUMNS.map(([name]) => pgArray(chunk.map((row) => row[name]))),
    );
  }
}

/**
 * Loads the deterministic demo set (organizations, synthetic peer municipalities, three years
 * of values) with bulk inserts, in one transaction (a savepoint inside the caller's). Needs
 * the geography and the indicator catalogue; does nothing when demo organizations already
 * exist. Returns what it inserted.
 */
export async function seedDemoData(em: EntityManager): Promise<DemoCounts> {
  return em.transactional(async (tem) => {
    if ((await tem.count(Organization, { demo: true })) > 0) {
      return { municipalities: 0, organizations: 0, values: 0 };
    }
    const data = generateDemoData(INDICATOR_CATALOG);
    const municipalities = await insertMunicipalities(tem, data);
    const organizations = await insertOrganizations(tem, data, municipalities);
    const indicators = await idsByCode(
      tem,
      Indicator,
      INDICATOR_CATALOG.map((indicator) => indicator.code),
    );
    // Tens of thousands of synthetic values would double the write time (and the audit log)
    // with one change_log row each; the demo organizations and municipalities stay audited.
    // Transactional: the trigger is back on at commit, and a rollback undoes both.
    await tem.execute('alter table "indicator_value" disable trigger "audit_row"');
    await insertValues(
      tem,
      data.values.map((value) => ({
        indicator_id: need(indicators, value.indicatorCode, 'indicator'),
        municipality_id: need(municipalities, value.municipalityCode, 'municipality'),
        organization_id: value.organizationCode
          ? need(organizations, value.organizationCode, 'organization')
          : null,
        period: value.period,
        period_kind: value.periodKind,
        period_start: value.periodStart,
        value: value.value,
        numerator: value.numerator,
        denominator: value.denominator,
        source: ValueSource.DEMO,
      })),
    );
    await tem.execute('alter table "indicator_value" enable trigger "audit_row"');
    return data.counts;
  });
}

/** Demo organizations, synthetic peer municipalities and values, all marked demo. */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemoData(em);
  }
}
