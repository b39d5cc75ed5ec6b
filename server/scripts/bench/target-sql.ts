// Benchmark target: the plain-SQL floor over node:http and a bare pg pool (no GraphQL, no
// ORM, no authentication). POST /<question> with the parameters as JSON.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { serveTarget } from './target-process';
import { FLOOR, bulkUpsert, type Statement } from './floor';

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

serveTarget(async () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const run = async (statements: Statement[]) => {
    const client = await pool.connect();
    try {
      const answers = [];
      for (const statement of statements) {
        answers.push((await client.query(statement.text, statement.values)).rows);
      }
      return answers;
    } finally {
      client.release();
    }
  };
  const server = http.createServer((req, res) => {
    const question = (req.url ?? '').slice(1);
    readBody(req)
      .then(async (body) => {
        const input = JSON.parse(body);
        if (question === 'e') {
          const { text, values } = bulkUpsert(input.rows);
          return { written: (await pool.query(text, values)).rowCount };
        }
        const build = FLOOR[question];
        if (!build) {
          throw new Error(`no such question: ${question}`);
        }
        return { data: await run(build(input)) };
      })
      .then(
        (answer) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: error.message }] }));
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.close();
      await pool.end();
    },
  };
});
