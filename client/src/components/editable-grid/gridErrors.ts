// Errors shown in cells and above the grid: server row errors and local validation problems.
import type { RowError } from './types';

export interface KeyedError {
  /** Row key, or null for an error that concerns the whole save. */
  key: string | null;
  /** Grid field, or null for a row-level error. */
  field: string | null;
  code: string;
  message: string;
}

export const CONFLICT = 'CONFLICT';

/** Maps errors indexed into the saved array back onto grid rows and known columns. */
export function keyErrors(
  errors: readonly RowError[],
  savedKeys: readonly string[],
  knownFields: ReadonlySet<string>,
): KeyedError[] {
  return errors.map((e) => ({
    key: savedKeys[e.index] ?? null,
    // Input fields the grid has no column for (e.g. sectionId) are shown on the row as a whole.
    field: e.field !== null && knownFields.has(e.field) ? e.field : null,
    code: e.code,
    message: e.field !== null && !knownFields.has(e.field) ? `${e.field}: ${e.message}` : e.message,
  }));
}

export function errorsByRow(errors: readonly KeyedError[]) {
  const cells = new Map<string, Record<string, string>>();
  const rows = new Map<string, string>();
  for (const e of errors) {
    if (e.key === null) {
      continue;
    }
    if (e.field === null) {
      rows.set(e.key, rows.has(e.key) ? `${rows.get(e.key)}; ${e.message}` : e.message);
      continue;
    }
    const byField = cells.get(e.key) ?? {};
    byField[e.field] = byField[e.field] ? `${byField[e.field]}; ${e.message}` : e.message;
    cells.set(e.key, byField);
  }
  return { cells, rows };
}

export function conflictKeys(errors: readonly KeyedError[]): string[] {
  return errors.filter((e) => e.code === CONFLICT && e.key !== null).map((e) => e.key as string);
}

/** Keeps errors only for cells the user has not touched since they were reported. */
export function withoutTouched(
  errors: readonly KeyedError[],
  touched: readonly { key: string; field: string }[],
): KeyedError[] {
  return errors.filter(
    (e) => !touched.some((t) => t.key === e.key && t.field === e.field && e.code !== CONFLICT),
  );
}
