// Grid rows of the values page (one per organization, or the municipality itself) with one
// column per indicator figure (the save mapping is in valueSave.ts).
import type { GridRowBase } from '../../components/editable-grid';
import { isRatio, ratioValue } from '../indicators/indicatorFormat';
import type { IndicatorLevel, IndicatorNode } from '../indicators/indicators.queries';
import type { StoredValueNode, UnitNode } from './values.queries';

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
  /** Stored values by indicator code (their version rides along on save). */
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

export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function storedFigures(node: StoredValueNode): StoredFigures {
  return {
    id: node.id,
    version: node.version,
    value: node.value,
    numerator: node.numerator,
    denominator: node.denominator,
  };
}

export function setFigures(
  fields: Record<string, unknown>,
  code: string,
  figures: StoredFigures | null,
) {
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
