/**
 * A PostgreSQL array literal for ONE bound parameter (`= any(?::int[])`): knex expands a JS
 * array binding into a list of parameters, which `any()` and `unnest()` cannot take. The
 * literal travels as data, never as SQL; elements are quoted and escaped.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  const items = values.map((value) => {
    if (value === null) {
      return 'NULL';
    }
    return `"${String(value).replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
  });
  return `{${items.join(',')}}`;
}
