import type { RowErrors } from './bulk';

/** Parses the id-like field of every row; malformed ids become row errors. */
export function validateIds<K extends string>(
  rows: Partial<Record<K, string | null | undefined>>[],
  field: K,
  errors: RowErrors,
): Map<number, number> {
  const ids = new Map<number, number>();
  rows.forEach((row, index) => {
    const raw = row[field];
    if (raw == null) {
      return;
    }
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) {
      errors.add(index, null, field, 'INVALID_FORMAT', `Неверный идентификатор «${raw}»`);
    } else {
      ids.set(index, id);
    }
  });
  return ids;
}

/** Refuses text longer than the column allows, naming the field. */
export function validateLengths(
  index: number,
  row: object,
  limits: Readonly<Record<string, number>>,
  errors: RowErrors,
): void {
  const values = row as Record<string, unknown>;
  for (const [field, max] of Object.entries(limits)) {
    const value = values[field];
    if (typeof value === 'string' && value.length > max) {
      errors.add(
        index,
        (values.id as string | undefined) ?? null,
        field,
        'TOO_LONG',
        `Не длиннее ${max} символов (сейчас ${value.length})`,
      );
    }
  }
}
