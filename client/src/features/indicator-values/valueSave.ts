// Save mapping of the values grid: edited rows → upsertIndicatorValues inputs, server row
// errors → cells, saved values → rows.
import type { RowError, SaveChange } from '../../components/editable-grid';
import { isRatio } from '../indicators/indicatorFormat';
import type { IndicatorValueInput, StoredValueNode } from './values.queries';
import {
  num,
  setFigures,
  type StoredFigures,
  storedFigures,
  type ValueIndicator,
  type ValuePart,
  type ValueRow,
  valueField,
} from './valueRow';

/** Where each input came from: the grid change, its row and the indicator. */
export interface InputOrigin {
  changeIndex: number;
  rowId: string;
  code: string;
}

/**
 * One input per edited indicator of each changed row, by natural key, with the stored version
 * (a stale one is a conflict). A cleared stored value is deleted; what an input leaves out (the
 * comment, the figures of a non-ratio) the server keeps.
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
        origins.push({ changeIndex: change.index, rowId: row.id, code });
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
  const key: IndicatorValueInput = {
    indicatorCode: code,
    period,
    ...(row.level === 'ORGANIZATION'
      ? { organizationCode: row.unitCode }
      : { municipalityCode: row.unitCode }),
  };
  const cleared = ratio ? numerator === null && denominator === null : value === null;
  if (cleared) {
    // A stored value goes; a cell typed and cleared again where none was stored sends nothing.
    return stored ? { ...key, delete: true, version: stored.version } : null;
  }
  // A ratio: the server computes the value from the two.
  const figures = ratio ? { numerator, denominator } : { value: value! };
  return stored ? { ...key, ...figures, version: stored.version } : { ...key, ...figures };
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
    // Key fields (period, codes, version) have no cell: the message names them. A deletion is
    // the cleared cell's own.
    const own =
      error.field === null || ['value', 'numerator', 'denominator', 'delete'].includes(error.field);
    return {
      index: origin.changeIndex,
      field: valueField(origin.code, part),
      code: error.code,
      message: own ? error.message : `${error.field}: ${error.message}`,
    };
  });
}

/**
 * Rows with the saved values merged in (ids and versions for the next save) and the deleted ones
 * (by row and indicator, as the inputs' origins name them) emptied.
 */
export function applySavedValues(
  rows: readonly ValueRow[],
  saved: readonly StoredValueNode[],
  deleted: readonly Pick<InputOrigin, 'rowId' | 'code'>[] = [],
): ValueRow[] {
  return rows.map((row) => {
    const mine = saved.filter((node) =>
      row.level === 'ORGANIZATION'
        ? node.organization?.id === row.unitId
        : node.organization === null,
    );
    const gone = deleted.filter((d) => d.rowId === row.id).map((d) => d.code);
    if (mine.length === 0 && gone.length === 0) {
      return row;
    }
    const next: ValueRow = { ...row, stored: { ...row.stored } };
    const stored = next.stored as Record<string, StoredFigures>;
    for (const code of gone) {
      delete stored[code];
      setFigures(next, code, null);
    }
    for (const node of mine) {
      const figures = storedFigures(node);
      stored[node.indicator.code] = figures;
      setFigures(next, node.indicator.code, figures);
    }
    return next;
  });
}

/**
 * A stored ratio with one of its two figures cleared: clearing deletes a value only when both
 * go (the server needs both to store one).
 */
export function halfClearedRatio(row: ValueRow, indicator: ValueIndicator): boolean {
  const { code } = indicator;
  if (!isRatio(indicator) || !row.stored[code]) {
    return false;
  }
  const numerator = num(row[valueField(code, 'numerator')]);
  const denominator = num(row[valueField(code, 'denominator')]);
  return (numerator === null) !== (denominator === null);
}
