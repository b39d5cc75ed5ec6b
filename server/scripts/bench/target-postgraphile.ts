// Benchmark target: PostGraphile v5 (Amber preset, as its quick start sets it up) over the
// same database: the GraphQL API a team would otherwise generate from these tables. No
// authentication (it connects as the database owner), so it does less work per request than
// the hub, which checks the caller's session and scope.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveTarget } from './target-process';

// PostGraphile 5 declares Node >= 22 and calls Promise.withResolvers (Node 22); the project
// runs on Node 20, so its process gets the standard two-line equivalent first.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

// Its subpath exports are not visible to this project's module resolution; loaded at run time.
/* eslint-disable @typescript-eslint/no-require-imports */
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

serveTarget(async () => {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is required');
  }
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  });
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  serv.addTo(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      server.close();
      await pgl.release();
    },
  };
});
