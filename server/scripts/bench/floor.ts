// The floor: each benchmark question as plain SQL on a bare pg pool — what the answer costs
// with no API layer at all beyond node:http and JSON. (c) and (d) send the very statements the
// hub builds (so the ratio is the hub's own overhead); (a), (b) and (e) are written by hand as
// single statements that build the answer in the database.
import { comparisonStatement } from '../../modules/indicators/comparison.service';
import { enrolmentSql, stageFiguresSql } from '../../modules/olympiads/funnel.sql';
import type { BenchParams, BulkRow } from './scenarios';

export interface Statement {
  text: string;
  values: unknown[];
}

/** MikroORM-style `?` placeholders → PostgreSQL's `$n` (the builders' SQL has no other `?`). */
export function numbered(sql: string, values: unknown[]): Statement {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== values.length) {
    throw new Error(`${n} placeholders for ${values.length} values`);
  }
  return { text, values };
}

const activitiesPage: Statement = {
  text: `select coalesce(json_agg(json_build_object(
      'id', a.id, 'number', a.number, 'text', a.text,
      'executors', (select coalesce(json_agg(json_build_object('name', e.name) order by e.name), '[]')
                      from activity_executor ae join executor e on e.id = ae.executor_id
                     where ae.activity_id = a.id)) order by a.id), '[]') as answer
    from (select id, number, text from activity order by id limit 100) a`,
  values: [],
};

/** Municipalities (20) → organizations (100) → teachers (100) → latest diagnostic result. */
const nestedTeachers = (regionId: number): Statement => ({
  text: `select coalesce(json_agg(json_build_object('name', m.name, 'organizations', (
      select coalesce(json_agg(json_build_object('code', o.code, 'teachers', (
          select coalesce(json_agg(json_build_object('personnelCode', t.personnel_code,
                   'latestDiagnostic', (select json_build_object('id', d.id)
                                          from diagnostic_result d
                                          join diagnostic_campaign c on c.id = d.campaign_id
                                         where d.teacher_id = t.id
                                         order by c.held_on desc, d.id desc limit 1))
                 order by t.personnel_code), '[]')
            from (select * from teacher where organization_id = o.id
                   order by personnel_code limit 100) t)) order by o.code), '[]')
        from (select * from organization where municipality_id = m.id
               order by code limit 100) o)) order by m.name, m.id), '[]') as answer
    from (select * from municipality where region_id = $1 order by name, id limit 20) m`,
  values: [regionId],
});

/** The statements of each question, run one after another on one pooled connection. */
export const FLOOR: Record<string, (params: BenchParams) => Statement[]> = {
  a: () => [activitiesPage],
  b: (params) => [nestedTeachers(params.regionId)],
  c: (params) => {
    const { sql, values } = comparisonStatement({
      level: 'municipality',
      parentId: params.regionId,
      indicatorIds: params.indicatorIds,
      periods: params.periods,
    });
    return [numbered(sql, values)];
  },
  d: (params) => {
    const query = {
      olympiadId: params.olympiadId,
      year: params.year,
      scope: { regionId: params.regionId },
      parts: 'municipality' as const,
      subjectId: null,
    };
    return [stageFiguresSql(query), enrolmentSql(query)].map(({ sql, params: values }) =>
      numbered(sql, values),
    );
  },
};

/** (e): 10,000 values by code in one statement — codes resolved by joins, insert or update. */
export function bulkUpsert(rows: BulkRow[]): Statement {
  return {
    text: `insert into indicator_value (indicator_id, municipality_id, organization_id, period,
             period_kind, period_start, value, numerator, denominator, source)
           select i.id, o.municipality_id, o.id, u.period, 'academic_year', u.period_start,
                  u.value, u.numerator, u.denominator, 'manual'
             from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::float8[], $6::float8[], $7::float8[])
                  as u(indicator_code, organization_code, period, period_start, value, numerator, denominator)
             join indicator i on i.code = u.indicator_code
             join organization o on o.code = u.organization_code
           on conflict (indicator_id, organization_id, period) where organization_id is not null
           do update set value = excluded.value, numerator = excluded.numerator,
                         denominator = excluded.denominator, source = excluded.source,
                         version = indicator_value.version + 1, updated_at = now()
           where (indicator_value.value, indicator_value.numerator, indicator_value.denominator)
                 is distinct from (excluded.value, excluded.numerator, excluded.denominator)`,
    values: [
      rows.map((r) => r.indicatorCode),
      rows.map((r) => r.organizationCode),
      rows.map((r) => r.period),
      rows.map((r) => `${r.period.slice(0, 4)}-09-01`),
      rows.map((r) => r.value),
      rows.map((r) => r.numerator),
      rows.map((r) => r.denominator),
    ],
  };
}
