// Grid rows of the values page (one per organization, or the municipality itself) with one
// column per indicator figure, and their conversion to and from upsertIndicatorValues.
import type { GridRowBase, RowError, SaveChange } from '../../components/editable-grid';
import { isRatio, ratioValue } from '../indicators/indicatorFormat';
import type { IndicatorLevel, IndicatorNode } from '../indicators/indicators.queries';
import type { IndicatorValueInput, StoredValueNode, UnitNode } from './values.queries';

export type ValuePart = 'value' | 'numerator' | 'denominator';

export type ValueIndicator = Pick<IndicatorNode, 'code' | 'unit' | 'level' | 'aggregation'>;

/** One grid column: a figure of an indicator. */
export interface ValueColumnSpec {
  field: string;
  part: ValuePart;
  indicator: ValueIndicator;
  /** The value of a ratio is computed from numerator and denominator, never typed. */
  computed: boolean;
}

export interface StoredFigures {
  id: string;
  version: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export interface ValueRow extends GridRowBase {
  /** `o:<organization id>` or `m:<municipality id>`. */
  id: string;
  version: null;
  level: IndicatorLevel;
  unitId: string;
  unitCode: string;
  unitName: string;
  demo: boolean;
  /** Stored values by indicator code (their id, version and comment ride along on save). */
  stored: Readonly<Record<string, StoredFigures>>;
  [field: string]: unknown;
}

// Dots in a field would be read by AG Grid as a path into nested objects.
export function valueField(code: string, part: ValuePart): string {
  return `${code.replace(/\./g, '~')}:${part}`;
}

export function valueColumnSpecs(indicators: readonly ValueIndicator[]): ValueColumnSpec[] {
  return indicators.flatMap((indicator): ValueColumnSpec[] => {
    const spec = (part: ValuePart, computed = false) => ({
      field: valueField(indicator.code, part),
      part,
      indicator,
      computed,
    });
    return isRatio(indicator)
      ? [spec('numerator'), spec('denominator'), spec('value', true)]
      : [spec('value')];
  });
}

const rowId = (level: IndicatorLevel, unitId: string) =>
  `${level === 'ORGANIZATION' ? 'o' : 'm'}:${unitId}`;

function storedFigures(node: StoredValueNode): StoredFigures {
  return {
    id: node.id,
    version: node.version,
    value: node.value,
    numerator: node.numerator,
    denominator: node.denominator,
    comment: node.comment,
  };
}

function setFigures(fields: Record<string, unknown>, code: string, figures: StoredFigures | null) {
  fields[valueField(code, 'value')] = figures?.value ?? null;
  fields[valueField(code, 'numerator')] = figures?.numerator ?? null;
  fields[valueField(code, 'denominator')] = figures?.denominator ?? null;
}

function unitRow(
  level: IndicatorLevel,
  unit: UnitNode,
  indicators: readonly ValueIndicator[],
  values: readonly StoredValueNode[],
): ValueRow {
  const stored: Record<string, StoredFigures> = {};
  const fields: Record<string, unknown> = {};
  for (const indicator of indicators) {
    const node = values.find((v) => v.indicator.code === indicator.code);
    const figures = node && indicator.level === level ? storedFigures(node) : null;
    if (figures) {
      stored[indicator.code] = figures;
    }
    setFigures(fields, indicator.code, figures);
  }
  return {
    ...fields,
    id: rowId(level, unit.id),
    version: null,
    level,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.shortName ?? unit.name,
    demo: unit.demo,
    stored,
  };
}

/**
 * Rows of one municipality and period: the municipality itself when a municipality-level
 * indicator is shown, then its organizations (by name) when an organization-level one is.
 */
export function toValueRows(input: {
  municipality: UnitNode;
  organizations: readonly UnitNode[];
  indicators: readonly ValueIndicator[];
  values: readonly StoredValueNode[];
}): ValueRow[] {
  const { municipality, organizations, indicators, values } = input;
  const rows: ValueRow[] = [];
  if (indicators.some((i) => i.level === 'MUNICIPALITY')) {
    const own = values.filter((v) => v.organization === null);
    rows.push(unitRow('MUNICIPALITY', municipality, indicators, own));
  }
  if (indicators.some((i) => i.level === 'ORGANIZATION')) {
    const sorted = [...organizations].sort((a, b) =>
      (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'ru'),
    );
    for (const organization of sorted) {
      const own = values.filter((v) => v.organization?.id === organization.id);
      rows.push(unitRow('ORGANIZATION', organization, indicators, own));
    }
  }
  return rows;
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Where each input came from: the grid change (row) and the indicator. */
export interface InputOrigin {
  changeIndex: number;
  code: string;
}

/**
 * One input per edited indicator of each changed row, by natural key, with the stored version
 * (a stale one is a conflict) and comment (the upsert would otherwise clear it).
 */
export function toValueInputs(
  changes: readonly SaveChange<ValueRow>[],
  indicators: readonly ValueIndicator[],
  period: string,
): { inputs: IndicatorValueInput[]; origins: InputOrigin[] } {
  const inputs: IndicatorValueInput[] = [];
  const origins: InputOrigin[] = [];
  for (const change of changes) {
    const { row } = change;
    for (const indicator of indicators) {
      const { code } = indicator;
      const prefix = valueField(code, 'value').replace(/value$/, '');
      const touched = change.changedFields.some((field) => field.startsWith(prefix));
      if (!touched || indicator.level !== row.level) {
        continue;
      }
      const input = valueInput(row, indicator, period);
      if (input) {
        inputs.push(input);
        origins.push({ changeIndex: change.index, code });
      }
    }
  }
  return { inputs, origins };
}

function valueInput(
  row: ValueRow,
  indicator: ValueIndicator,
  period: string,
): IndicatorValueInput | null {
  const { code } = indicator;
  const stored = row.stored[code];
  const numerator = num(row[valueField(code, 'numerator')]);
  const denominator = num(row[valueField(code, 'denominator')]);
  const value = num(row[valueField(code, 'value')]);
  const ratio = isRatio(indicator);
  // Typed and cleared again in a cell that had no value: nothing to send.
  if (!stored && (ratio ? numerator === null && denominator === null : value === null)) {
    return null;
  }
  const input: IndicatorValueInput = {
    indicatorCode: code,
    period,
    ...(row.level === 'ORGANIZATION'
      ? { organizationCode: row.unitCode }
      : { municipalityCode: row.unitCode }),
  };
  if (ratio) {
    // The server computes the value from the two.
    input.numerator = numerator;
    input.denominator = denominator;
  } else {
    if (value !== null) {
      input.value = value;
    }
    if (stored?.numerator != null || stored?.denominator != null) {
      input.numerator = stored.numerator;
      input.denominator = stored.denominator;
    }
  }
  if (stored) {
    input.version = stored.version;
    if (stored.comment) {
      input.comment = stored.comment;
    }
  }
  return input;
}

/** Server row errors (index into the inputs, input field) → the grid row and cell they concern. */
export function toGridErrors(
  errors: readonly { index: number; field: string | null; code: string; message: string }[],
  origins: readonly InputOrigin[],
  indicators: readonly ValueIndicator[],
): RowError[] {
  return errors.map((error) => {
    const origin = origins[error.index];
    if (!origin) {
      return { index: 0, field: null, code: error.code, message: error.message };
    }
    const indicator = indicators.find((i) => i.code === origin.code);
    const ratio = indicator ? isRatio(indicator) : false;
    const firstPart: ValuePart = ratio ? 'numerator' : 'value';
    const part: ValuePart =
      error.field === 'numerator' || error.field === 'denominator'
        ? ratio
          ? error.field
          : 'value'
        : error.field === 'value'
          ? 'value'
          : firstPart;
    // Key fields (period, codes, version) have no cell: the message names them.
    const own = error.field === null || ['value', 'numerator', 'denominator'].includes(error.field);
    return {
      index: origin.changeIndex,
      field: valueField(origin.code, part),
      code: error.code,
      message: own ? error.message : `${error.field}: ${error.message}`,
    };
  });
}

/** Rows with the saved values merged in (ids and versions for the next save). */
export function applySavedValues(
  rows: readonly ValueRow[],
  saved: readonly StoredValueNode[],
): ValueRow[] {
  return rows.map((row) => {
    const mine = saved.filter((node) =>
      row.level === 'ORGANIZATION'
        ? node.organization?.id === row.unitId
        : node.organization === null,
    );
    if (mine.length === 0) {
      return row;
    }
    const next: ValueRow = { ...row, stored: { ...row.stored } };
    for (const node of mine) {
      const figures = storedFigures(node);
      (next.stored as Record<string, StoredFigures>)[node.indicator.code] = figures;
      setFigures(next, node.indicator.code, figures);
    }
    return next;
  });
}

/** The value a ratio cell shows while numerator and denominator are being typed. */
export function shownValue(row: ValueRow, indicator: ValueIndicator): number | null {
  const { code } = indicator;
  return isRatio(indicator)
    ? ratioValue(
        indicator.unit,
        num(row[valueField(code, 'numerator')]),
        num(row[valueField(code, 'denominator')]),
      )
    : num(row[valueField(code, 'value')]);
}

/** «12,5», «12.5», «1 234» → number; empty → null; anything else is refused. */
export function parseFigure(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (clean === '') {
    return null;
  }
  if (!/^-?\d+(\.\d+)?$/.test(clean)) {
    throw new Error(text);
  }
  return Number(clean);
}
