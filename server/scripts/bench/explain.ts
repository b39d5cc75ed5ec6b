// `npm run bench -- --explain`: EXPLAIN (ANALYZE, BUFFERS) of each question's SQL — the
// statements the floor sends, which for (c) and (d) are the hub's own — so index and query
// changes are made from plans, not guesses. Prints the plan of every statement.
import pg from 'pg';
import { FLOOR } from './floor';
import type { BenchParams } from './scenarios';

export async function explainQuestions(databaseUrl: string, params: BenchParams): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const out: string[] = [];
  try {
    for (const [question, build] of Object.entries(FLOOR)) {
      for (const [index, statement] of build(params).entries()) {
        const { rows } = await client.query(
          `explain (analyze, buffers) ${statement.text}`,
          statement.values,
        );
        out.push(`### (${question}) statement ${index + 1}`, '```');
        out.push(...rows.map((row) => row['QUERY PLAN'] as string), '```', '');
      }
    }
  } finally {
    await client.end();
  }
  return out.join('\n');
}
