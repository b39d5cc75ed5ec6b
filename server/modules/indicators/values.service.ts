import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, RowErrors, runBulk } from '../../shared/bulk';
import { pgArray } from '../../shared/pg-array';
import type { Access, UnitTarget } from '../access/viewer';
import { Indicator, IndicatorValue } from './indicators.entity';
import { ValueSource } from './indicators.enums';
import type { IndicatorValueInput } from './indicators.inputs';
import type { Period } from './period';
import { checkFigures, checkPeriod, checkUnitCode, type CheckedFigures } from './values.validation';

interface PlannedValue extends UnitTarget, CheckedFigures {
  index: number;
  indicatorId: number;
  period: Period;
  /** Undefined until merged with the stored row: left out keeps the stored comment. */
  comment: string | null | undefined;
  remove: boolean;
  /** The stored value this row replaces, if any. */
  existing: ExistingValue | null;
}

interface ExistingValue {
  id: number;
  version: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  indicator_id: number;
  organization_id: number | null;
  municipality_id: number;
  period: string;
}

interface UnitRow {
  id: number;
  code: string;
  municipality_id: number;
}

const keyOf = (indicatorId: number, unit: UnitTarget, period: string) =>
  `${indicatorId}|${unit.organizationId ?? `m${unit.municipalityId}`}|${period}`;

/** Indicators, organizations and municipalities named by the rows: three statements. */
async function loadCodes(em: EntityManager, rows: IndicatorValueInput[]) {
  const codes = (pick: (row: IndicatorValueInput) => string | null | undefined) => [
    ...new Set(rows.map(pick).filter((code): code is string => Boolean(code))),
  ];
  // One after another: they share the transaction's connection (no concurrent queries on it).
  const indicators = await em.find(Indicator, { code: { $in: codes((r) => r.indicatorCode) } });
  const organizations = await em.execute<UnitRow[]>(
    'select id, code, municipality_id from organization where code = any(?::text[])',
    [pgArray(codes((r) => r.organizationCode))],
  );
  const municipalities = await em.execute<UnitRow[]>(
    'select id, code, id as municipality_id from municipality where code = any(?::text[])',
    [pgArray(codes((r) => r.municipalityCode))],
  );
  return {
    indicator: new Map(indicators.map((i) => [i.code, i])),
    organization: new Map(organizations.map((o) => [o.code, o])),
    municipality: new Map(municipalities.map((m) => [m.code, m])),
  };
}

/** Validates every row against the catalogue and the units; collects all errors. */
function planValues(
  rows: IndicatorValueInput[],
  refs: Awaited<ReturnType<typeof loadCodes>>,
  errors: RowErrors,
): Omit<PlannedValue, 'existing'>[] {
  const planned: Omit<PlannedValue, 'existing'>[] = [];
  const seen = new Map<string, number>();
  rows.forEach((input, index) => {
    const indicator = refs.indicator.get(input.indicatorCode);
    if (!indicator) {
      errors.add(
        index,
        null,
        'indicatorCode',
        'NOT_FOUND',
        `Показатель ${input.indicatorCode} не найден`,
      );
      return;
    }
    const period = checkPeriod(index, input, indicator, errors);
    const unit = checkUnitCode(index, input, indicator, errors)
      ? unitOf(index, input, refs, errors)
      : null;
    // A deletion names its key only.
    const figures = input.delete
      ? { value: 0, numerator: null, denominator: null }
      : checkFigures(index, input, indicator, errors);
    if (!period || !unit || !figures) {
      return;
    }
    const key = keyOf(indicator.id, unit, period.code);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add(
        index,
        null,
        'period',
        'DUPLICATE',
        `Это значение уже есть в запросе (строка ${first + 1})`,
      );
      return;
    }
    seen.set(key, index);
    planned.push({
      index,
      indicatorId: indicator.id,
      period,
      ...unit,
      ...figures,
      comment: input.comment === undefined ? undefined : input.comment?.trim() || null,
      remove: Boolean(input.delete),
    });
  });
  return planned;
}

function unitOf(
  index: number,
  input: IndicatorValueInput,
  refs: Awaited<ReturnType<typeof loadCodes>>,
  errors: RowErrors,
): UnitTarget | null {
  if (input.organizationCode) {
    const organization = refs.organization.get(input.organizationCode);
    if (!organization) {
      errors.add(
        index,
        null,
        'organizationCode',
        'NOT_FOUND',
        `Организация ${input.organizationCode} не найдена`,
      );
      return null;
    }
    return { municipalityId: organization.municipality_id, organizationId: organization.id };
  }
  const municipality = refs.municipality.get(input.municipalityCode!);
  if (!municipality) {
    errors.add(
      index,
      null,
      'municipalityCode',
      'NOT_FOUND',
      `Муниципалитет ${input.municipalityCode} не найден`,
    );
    return null;
  }
  return { municipalityId: municipality.id, organizationId: null };
}

/**
 * The stored values the rows name, locked for this transaction (one statement). Each key kind
 * is matched on its own partial unique index, whose predicate the query states (the planner
 * does not infer "is not null" from the join): an OR across the two kinds, or a missing
 * predicate, fell back to scanning every school's value per key — seconds on 10,000 rows.
 */
async function lockExisting(
  em: EntityManager,
  planned: Omit<PlannedValue, 'existing'>[],
): Promise<Map<string, ExistingValue>> {
  if (planned.length === 0) {
    return new Map();
  }
  const found = await em.execute<ExistingValue[]>(
    `select v.id, v.version, v.numerator, v.denominator, v.comment, v.indicator_id, v.organization_id, v.municipality_id, v.period
     from indicator_value v
     where v.id in (
       select s.id from indicator_value s
         join unnest(?::int[], ?::int[], ?::text[]) as k(indicator_id, organization_id, period)
           on s.indicator_id = k.indicator_id and s.organization_id = k.organization_id and s.period = k.period
        where s.organization_id is not null
       union all
       select s.id from indicator_value s
         join unnest(?::int[], ?::int[], ?::text[]) as k(indicator_id, municipality_id, period)
           on s.indicator_id = k.indicator_id and s.municipality_id = k.municipality_id and s.period = k.period
        where s.organization_id is null)
     order by v.id
     for update of v`,
    [
      ...keyArrays(
        planned.filter((p) => p.organizationId !== null),
        (p) => p.organizationId!,
      ),
      ...keyArrays(
        planned.filter((p) => p.organizationId === null),
        (p) => p.municipalityId,
      ),
    ],
  );
  return new Map(
    found.map((row) => [
      keyOf(
        row.indicator_id,
        { municipalityId: row.municipality_id, organizationId: row.organization_id },
        row.period,
      ),
      row,
    ]),
  );
}

const keyArrays = (
  rows: Omit<PlannedValue, 'existing'>[],
  unitOf: (row: Omit<PlannedValue, 'existing'>) => number,
) => [
  pgArray(rows.map((p) => p.indicatorId)),
  pgArray(rows.map(unitOf)),
  pgArray(rows.map((p) => p.period.code)),
];

// Columns written per row, in order, each bound as one array (a 10,000-row save is 11
// parameters, not 110,000); the casts give the enum and date columns their types.
const COLUMNS =
  'indicator_id, municipality_id, organization_id, period, period_kind, period_start, value, numerator, denominator, comment, source';
const ARRAYS =
  '?::int[], ?::int[], ?::int[], ?::text[], ?::period_kind[], ?::date[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::value_source[]';

/**
 * Writes all rows with one statement per natural key kind (organization / municipality):
 * insert, or update when the key exists and a figure changed (unchanged rows are not touched,
 * so the audit trail records real changes only).
 */
async function writeValues(
  em: EntityManager,
  planned: PlannedValue[],
  source: ValueSource,
): Promise<{ created: number; written: Map<string, number> }> {
  let created = 0;
  // Ids of the rows inserted or changed, by key (unchanged rows keep their stored id).
  const written = new Map<string, number>();
  for (const [ofOrganization, conflict] of [
    [true, '(indicator_id, organization_id, period) where organization_id is not null'],
    [false, '(indicator_id, municipality_id, period) where organization_id is null'],
  ] as const) {
    const rows = planned.filter((p) => (p.organizationId !== null) === ofOrganization);
    if (rows.length === 0) {
      continue;
    }
    const result = await em.execute<
      (Pick<
        ExistingValue,
        'id' | 'indicator_id' | 'organization_id' | 'municipality_id' | 'period'
      > & { inserted: boolean })[]
    >(
      `insert into indicator_value (${COLUMNS}) select * from unnest(${ARRAYS})
       on conflict ${conflict} do update set
         value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
         comment = excluded.comment, source = excluded.source,
         version = indicator_value.version + 1, updated_at = now()
       where (indicator_value.value, indicator_value.numerator, indicator_value.denominator, indicator_value.comment)
         is distinct from (excluded.value, excluded.numerator, excluded.denominator, excluded.comment)
       returning id, indicator_id, organization_id, municipality_id, period, (xmax = 0) as inserted`,
      [
        pgArray(rows.map((p) => p.indicatorId)),
        pgArray(rows.map((p) => p.municipalityId)),
        pgArray(rows.map((p) => p.organizationId)),
        pgArray(rows.map((p) => p.period.code)),
        pgArray(rows.map((p) => p.period.kind)),
        pgArray(rows.map((p) => p.period.start)),
        pgArray(rows.map((p) => p.value)),
        pgArray(rows.map((p) => p.numerator)),
        pgArray(rows.map((p) => p.denominator)),
        pgArray(rows.map((p) => p.comment ?? null)),
        pgArray(rows.map(() => source)),
      ],
    );
    for (const row of result) {
      written.set(
        keyOf(
          row.indicator_id,
          { municipalityId: row.municipality_id, organizationId: row.organization_id },
          row.period,
        ),
        row.id,
      );
      created += row.inserted ? 1 : 0;
    }
  }
  return { created, written };
}

/** A sheet of values saved at once: a region's schools × indicators × years (issue #9). */
export const MAX_VALUE_ROWS = 10_000;

/**
 * Creates or updates indicator values by natural key (issue #4): atomic, dry-run, per-row
 * errors, audited, scoped; a constant number of statements whatever the number of rows.
 */
export function upsertIndicatorValues(
  em: EntityManager,
  rows: IndicatorValueInput[],
  dryRun: boolean,
  access: Access,
  options: { source?: ValueSource; readBack?: boolean } = {},
): Promise<BulkResultShape<IndicatorValue>> {
  const { source = ValueSource.MANUAL, readBack: wantRows = true } = options;
  return runBulk(
    em,
    rows,
    dryRun,
    access.auditActor(),
    async (tem) => {
      const errors = new RowErrors();
      const refs = await loadCodes(tem, rows);
      const checked = planValues(rows, refs, errors);
      // Scope first: a batch with any row outside the viewer's reach is refused whole.
      access.assertCanWriteUnits(checked);
      const existing = await lockExisting(tem, checked);
      const planned = checked.map((row) => {
        const stored = existing.get(keyOf(row.indicatorId, row, row.period.code)) ?? null;
        const input = rows[row.index];
        if ((input.version != null || row.remove) && stored === null) {
          errors.add(
            row.index,
            null,
            row.remove ? 'delete' : 'version',
            'NOT_FOUND',
            'Такого значения нет (возможно, уже удалено): обновите таблицу',
          );
        } else if (input.version != null && stored && input.version !== stored.version) {
          errors.add(
            row.index,
            String(stored.id),
            'version',
            'CONFLICT',
            `Значение изменено другим пользователем (версия ${stored.version}, у вас ${input.version})`,
          );
        }
        return { ...withStored(row, input, stored), existing: stored };
      });
      return {
        errors,
        async write() {
          const removed = planned.filter((p) => p.remove).map((p) => p.existing!.id);
          if (removed.length > 0) {
            await tem.execute('delete from indicator_value where id = any(?::int[])', [
              pgArray(removed),
            ]);
          }
          const kept = planned.filter((p) => !p.remove);
          const { created, written } = await writeValues(tem, kept, source);
          const ids = kept.map(
            (p) => written.get(keyOf(p.indicatorId, p, p.period.code)) ?? p.existing!.id,
          );
          return {
            // Hydrating 10,000 entities costs more than writing them: only when `rows` is asked for.
            rows: wantRows ? await readBack(tem, ids) : [],
            created,
            deleted: removed.length,
            total: planned.length,
          };
        },
      };
    },
    MAX_VALUE_ROWS,
  );
}

/**
 * Left-out figures keep their stored values (upserts by key must not blank what they do not
 * name): the comment, and the numerator and denominator of indicators that are not ratios.
 */
function withStored(
  row: Omit<PlannedValue, 'existing'>,
  input: IndicatorValueInput,
  stored: ExistingValue | null,
): Omit<PlannedValue, 'existing'> {
  return {
    ...row,
    comment: row.comment === undefined ? (stored?.comment ?? null) : row.comment,
    numerator: input.numerator === undefined && stored ? stored.numerator : row.numerator,
    denominator: input.denominator === undefined && stored ? stored.denominator : row.denominator,
  };
}

/** The rows as stored now, in request order (one statement, and one per relation). */
async function readBack(em: EntityManager, ids: number[]): Promise<IndicatorValue[]> {
  if (ids.length === 0) {
    return [];
  }
  const values = await em.find(
    IndicatorValue,
    { id: { $in: ids } },
    { populate: ['indicator', 'organization', 'municipality'], refresh: true },
  );
  const byId = new Map(values.map((value) => [value.id, value]));
  return ids.map((id) => byId.get(id)!);
}
