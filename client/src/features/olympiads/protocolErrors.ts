// The server's answer to a protocol put back onto the file: each row error on the file's row, with
// the column its field was read from, and the request's row numbers in messages reworded as the
// file's. Pure.
import type { BulkRowError } from '../teachers/teachers.queries';
import type { ProblemField, ProtocolPlan, ProtocolRow } from './protocolFile';
import { columnOf, SOURCE_FIELDS } from './protocolFile';
import type { ProtocolMapping } from './protocolHeaders';

/**
 * The server counts rows of the request from 1 («строка 3»); the operator reads the file's row
 * numbers: the message is reworded with those.
 */
export function withFileLines(
  message: string,
  lineOfInput: (index: number) => number | undefined,
): string {
  return message.replace(/(строк[аеиуой]?) (\d+)/g, (whole, word: string, n: string) => {
    const line = lineOfInput(Number(n) - 1);
    return line === undefined ? whole : `${word} ${line}`;
  });
}

/** The server's row errors attached to the rows they concern, with the file's row and column. */
export function withServerProblems(
  plan: ProtocolPlan,
  mapping: ProtocolMapping,
  errors: readonly BulkRowError[],
  origins: readonly number[],
): ProtocolRow[] {
  const rows = plan.rows.map((row) => ({ ...row, problems: [...row.problems] }));
  const lineOfInput = (index: number) => rows[origins[index] ?? -1]?.line;
  for (const error of errors) {
    const row = rows[origins[error.index] ?? -1];
    if (!row) {
      continue;
    }
    const field = (
      error.field && SOURCE_FIELDS.has(error.field) ? error.field : 'row'
    ) as ProblemField;
    row.problems.push({
      line: row.line,
      field,
      column: columnOf(plan, mapping, field),
      code: error.code,
      message: withFileLines(error.message, lineOfInput),
    });
  }
  return rows;
}
