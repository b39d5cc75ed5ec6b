// Which file column goes into which table column: found from the headers (the table's own
// headers or their usual aliases), corrected by the user, and remembered per table so the next
// file with the same headers maps itself.
import type { SheetRow } from './sheet';

/** A table column a file column can be loaded into. */
export interface ImportTarget {
  field: string;
  header: string;
  /** Other names the column goes by in users' files. */
  aliases?: readonly string[];
}

/** Per file column: the target field, or null for a column that is not loaded. */
export type ColumnMapping = (string | null)[];

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();
}

function names(target: ImportTarget): string[] {
  return [target.header, target.field, ...(target.aliases ?? [])].map(normalizeHeader);
}

/** The header row: of the first rows, the one naming most of the table's columns. */
export function findHeaderRow(rows: readonly SheetRow[], targets: readonly ImportTarget[]): number {
  const known = new Set(targets.flatMap(names));
  let best = 0;
  let bestHits = 0;
  rows.slice(0, 20).forEach((row, i) => {
    const hits = row.cells.filter((c) => known.has(normalizeHeader(c))).length;
    if (hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  });
  return best;
}

/**
 * The mapping guessed for a file's headers: a remembered choice for the same header first, then
 * a header equal to a column's name or alias. Each target is used once.
 */
export function guessMapping(
  headers: readonly string[],
  targets: readonly ImportTarget[],
  remembered: Readonly<Record<string, string | null>> = {},
): ColumnMapping {
  const fields = new Set(targets.map((t) => t.field));
  const used = new Set<string>();
  const mapping: ColumnMapping = headers.map(() => null);
  const take = (i: number, field: string | null | undefined) => {
    if (field && fields.has(field) && !used.has(field) && mapping[i] === null) {
      mapping[i] = field;
      used.add(field);
    }
  };
  headers.forEach((h, i) => take(i, remembered[normalizeHeader(h)]));
  headers.forEach((h, i) => {
    const text = normalizeHeader(h);
    if (text !== '' && !(text in remembered)) {
      take(i, targets.find((t) => !used.has(t.field) && names(t).includes(text))?.field);
    }
  });
  return mapping;
}

const STORAGE_PREFIX = 'msoko.importMapping.';

/** The choices made for a table's imports before: normalized header → field (null: skipped). */
export function rememberedMapping(tableKey: string): Record<string, string | null> {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + tableKey);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, string | null>)
      : {};
  } catch {
    return {};
  }
}

export function rememberMapping(
  tableKey: string,
  headers: readonly string[],
  mapping: ColumnMapping,
): void {
  const next = { ...rememberedMapping(tableKey) };
  headers.forEach((h, i) => {
    const text = normalizeHeader(h);
    if (text !== '') {
      next[text] = mapping[i] ?? null;
    }
  });
  try {
    localStorage.setItem(STORAGE_PREFIX + tableKey, JSON.stringify(next));
  } catch {
    // Storage blocked: the mapping is simply asked again next time.
  }
}
