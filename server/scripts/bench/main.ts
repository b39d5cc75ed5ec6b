// npm run bench — issue #9: the hub against PostGraphile v5 and the plain-SQL floor on the
// same PostgreSQL database, the same data and the same machine, at 1-region and 10-region
// federal scale (`npm run seed:scale` data), under a closed-loop load on loopback.
//
//   BENCH_PG_URL   a PostgreSQL server to create the scratch databases msoko_bench_r<N> on
//                  (default postgres://postgres@127.0.0.1:5432/postgres); they are kept and
//                  reused, the generator only adds what is missing
//   --regions 1,10 --duration 5 --warmup 1 --connections 4 --min-requests 30 --bulk-runs 7
//   --only a,b,c,d,e
//   --write-readme  puts the table between the bench markers of README.md
//   --explain       prints EXPLAIN ANALYZE of every question's SQL first
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../../modules/access/passwords';
import { measureBulk } from './bulk';
import { explainQuestions } from './explain';
import { type LoadResult, requestOnce, runLoad } from './load';
import { acceptance, renderConditions, renderTable, type Measured } from './report';
import { type BenchParams, QUESTIONS } from './scenarios';
import { seedBenchDatabase } from './database';
import { type Target, type TargetName, startTarget } from './targets';

interface Options {
  regions: number[];
  durationMs: number;
  warmupMs: number;
  connections: number;
  minRequests: number;
  bulkRuns: number;
  only: Set<string>;
  writeReadme: boolean;
  explain: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
  };
  return {
    regions: value('regions', '1,10').split(',').map(Number),
    durationMs: Number(value('duration', '5')) * 1000,
    warmupMs: Number(value('warmup', '1')) * 1000,
    connections: Number(value('connections', '4')),
    minRequests: Number(value('min-requests', '30')),
    bulkRuns: Number(value('bulk-runs', '7')),
    only: new Set(value('only', 'a,b,c,d,e').split(',')),
    writeReadme: argv.includes('--write-readme'),
    explain: argv.includes('--explain'),
  };
}

async function signIn(hub: Target, password: string): Promise<string> {
  const answer: any = await requestOnce({
    url: hub.url,
    body: JSON.stringify({
      query: 'mutation ($p: String!) { signIn(login: "admin", password: $p) { token } }',
      variables: { p: password },
    }),
  });
  if (!answer.data?.signIn?.token) {
    throw new Error(`sign-in failed: ${JSON.stringify(answer)}`);
  }
  return answer.data.signIn.token;
}

/** Asks each target once and refuses to time targets that answer different things. */
async function checkAnswers(
  question: (typeof QUESTIONS)[number],
  requests: Record<TargetName, { url: string; body: string; headers?: Record<string, string> }>,
  params: BenchParams,
): Promise<string> {
  const digests = {
    hub: question.digest.hub(await requestOnce(requests.hub)),
    postgraphile: question.digest.postgraphile(await requestOnce(requests.postgraphile), params),
    floor: question.digest.floor(await requestOnce(requests.floor), params),
  };
  if (digests.hub !== digests.floor || digests.hub !== digests.postgraphile) {
    throw new Error(`${question.title}: the answers differ: ${JSON.stringify(digests, null, 2)}`);
  }
  return digests.hub;
}

async function measureScale(
  regions: number,
  options: Options,
  serverUrl: string,
): Promise<{ measured: Measured[]; conditions: string }> {
  const adminPassword = randomBytes(12).toString('base64url');
  const { databaseUrl, params, organizationCodes, sizes } = await seedBenchDatabase(
    serverUrl,
    regions,
  );
  if (options.explain) {
    console.log(
      `## Plans at ${regions} region(s)\n\n${await explainQuestions(databaseUrl, params)}`,
    );
  }
  // The admin's password is set for this run (a reused database keeps its first admin).
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('update app_user set password_hash = $1 where login = $2', [
    await hashPassword(adminPassword),
    'admin',
  ]);
  await client.end();
  const env = {
    DATABASE_URL: databaseUrl,
    ADMIN_PASSWORD: adminPassword,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  const targets = {
    hub: await startTarget('hub', env),
    postgraphile: await startTarget('postgraphile', env),
    floor: await startTarget('floor', env),
  };
  const measured: Measured[] = [];
  try {
    const token = await signIn(targets.hub, adminPassword);
    const questions = QUESTIONS.filter((q) => options.only.has(q.key));
    for (const [index, question] of questions.entries()) {
      const requests = {
        hub: {
          url: targets.hub.url,
          body: JSON.stringify(question.hub(params)),
          headers: { authorization: `Bearer ${token}` },
        },
        postgraphile: {
          url: targets.postgraphile.url,
          body: JSON.stringify(question.postgraphile(params)),
        },
        floor: { url: `${targets.floor.url}/${question.key}`, body: JSON.stringify(params) },
      };
      const digest = await checkAnswers(question, requests, params);
      console.error(`${question.title}: ${digest}`);
      // The order rotates per question: no target always runs on the caches another warmed.
      const names = (['hub', 'postgraphile', 'floor'] as const).map(
        (_, i, all) => all[(i + index) % all.length],
      );
      for (const name of names) {
        const before = await targets[name].statements();
        const result: LoadResult = await runLoad(requests[name], options);
        const statements = (await targets[name].statements()) - before;
        measured.push({
          regions,
          question: question.key,
          title: question.title,
          target: name,
          ...result,
          statementsPerRequest: statements / result.sent,
        });
        console.error(
          `  ${name}: ${result.requestsPerSecond.toFixed(1)} req/s, p95 ${result.p95.toFixed(1)} ms`,
        );
      }
    }
    if (options.only.has('e')) {
      const bulk = await measureBulk(
        targets.hub,
        targets.floor,
        token,
        organizationCodes,
        options.bulkRuns,
      );
      for (const name of ['hub', 'floor'] as const) {
        const runs = [...bulk[name].runs].sort((a, b) => a - b);
        const at = (p: number) => runs[Math.min(runs.length - 1, Math.ceil(p * runs.length) - 1)];
        measured.push({
          regions,
          question: 'e',
          title: '(e) bulk upsert of 10,000 indicator values',
          target: name,
          requests: runs.length,
          sent: runs.length,
          requestsPerSecond: 1000 / (runs.reduce((a, b) => a + b, 0) / runs.length),
          p50: at(0.5),
          p95: at(0.95),
          p99: at(0.99),
          statementsPerRequest: bulk[name].statements,
        });
      }
    }
  } finally {
    for (const target of Object.values(targets)) {
      await target.stop();
    }
  }
  return { measured, conditions: sizes };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const serverUrl = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const measured: Measured[] = [];
  const sizes: string[] = [];
  for (const regions of options.regions) {
    const scale = await measureScale(regions, options, serverUrl);
    measured.push(...scale.measured);
    sizes.push(scale.conditions);
  }
  const cpu = os.cpus();
  const conditions = renderConditions({
    machine: `${cpu[0].model.trim()}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    load: `${options.connections} connections, ${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s per cell (longer until ${options.minRequests} answers are timed); bulk: ${options.bulkRuns} timed runs each, alternating`,
    sizes,
  });
  const table = renderTable(measured);
  const verdict = acceptance(measured);
  const output = [conditions, '', table, '', verdict].join('\n');
  console.log(output);
  if (options.writeReadme) {
    writeReadme(output);
  }
}

const START = '<!-- bench:start (npm run bench -- --write-readme) -->';
const END = '<!-- bench:end -->';

function writeReadme(output: string): void {
  const file = path.join(process.cwd(), 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) {
    throw new Error(`README.md has no ${START} … ${END} markers`);
  }
  fs.writeFileSync(file, `${text.slice(0, from + START.length)}\n\n${output}\n\n${text.slice(to)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
