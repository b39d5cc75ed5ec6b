import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { seedIfEmpty } from '../seeds/database.seeder';
import { type Config, loadConfig } from './config';
import { buildContext, type Context } from './context';
import { accessGuard } from './modules/access/access.guard';
import { ensureAdmin } from './modules/access/admin.bootstrap';
import { loadSigningKey } from './modules/access/auth.tokens';
import { type Database, databaseOptionsFromConfig, migrate, openDatabase } from './db/database';
import { createFormatError } from './errors';
import { costLimit } from './http/cost-limit';
import { depthLimit } from './http/depth-limit';
import { createGraphQLHandler } from './http/graphql-handler';
import { createHealthCheck } from './http/health';
import { aggregateCachePlugin } from './http/http-cache';
import { createPersistedQueryStore, type PersistedQueryStore } from './http/persisted-queries';
import { createRequestHandler } from './http/request-handler';
import { readManifest } from './persisted/manifest';
import { buildHubSchema } from './schema';

export interface HubServer {
  url: string;
  orm: MikroORM;
  database: Database;
  stop(): Promise<void>;
}

export interface CreateServerOptions {
  port?: number;
  config?: Partial<Config>;
  /** An already opened database (tests share one); otherwise opened from config. */
  database?: Database;
  log?: (message: string) => void;
}

async function createApollo(config: Config, log: (message: string) => void) {
  const schema = await buildHubSchema();
  // Listed operations are checked against this schema at boot; a stale manifest fails here.
  const store = createPersistedQueryStore(readManifest(), schema);
  return {
    store,
    apollo: createApolloServer(config, log, schema, store),
  };
}

function createApolloServer(
  config: Config,
  log: (message: string) => void,
  schema: Awaited<ReturnType<typeof buildHubSchema>>,
  store: PersistedQueryStore,
) {
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    // APQ: listed operations, then a bounded per-process LRU (see persisted-queries.ts).
    persistedQueries: { cache: store },
    // Stack traces stay in the server log, never in responses.
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    validationRules: [depthLimit(config.maxQueryDepth)],
    formatError: createFormatError((error) =>
      log(`Unexpected error: ${error instanceof Error ? error.stack : String(error)}`),
    ),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Caching headers are ours alone (http-cache.ts); no @cacheControl hints.
      ApolloServerPluginCacheControlDisabled(),
      accessGuard,
      costLimit(config.maxQueryCost),
      aggregateCachePlugin(config.aggregateCacheMaxAge),
    ],
  });
}

/** Opens the database, migrates, seeds an empty one, and serves /graphql and the client on one port. */
export async function createServer(options: CreateServerOptions = {}): Promise<HubServer> {
  const config: Config = {
    ...loadConfig(),
    ...options.config,
    ...(options.port !== undefined ? { port: options.port } : {}),
  };
  const log = options.log ?? ((message: string) => console.log(message));
  const database = options.database ?? (await openDatabase(databaseOptionsFromConfig(config)));
  const applied = await migrate(database.orm);
  if (applied.length) {
    log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (
    config.seedOnStart &&
    (await seedIfEmpty(database.orm.em.fork(), { demo: config.seedDemo }))
  ) {
    log(
      `Seeded an empty database with directories, municipalities, indicators and roadmaps${config.seedDemo ? ', and demo data' : ''}`,
    );
  }
  await ensureAdmin(database.orm.em.fork(), config.adminPassword, log);
  const signingKey = await loadSigningKey(database.orm.em.fork(), config.authSecret);
  const { apollo, store } = await createApollo(config, log);
  await apollo.start();
  const handleGraphQL = createGraphQLHandler(
    apollo,
    (req) =>
      buildContext(req, {
        orm: database.orm,
        fixedToday: config.today,
        signingKey,
        secureCookies: config.secureCookies,
      }),
    {
      maxBodyBytes: config.maxBodyBytes,
      persistedQueries: { mode: config.persistedQueries, store },
    },
  );
  const server = http.createServer(
    createRequestHandler({
      graphql: handleGraphQL,
      clientDir: config.clientDir,
      health: createHealthCheck(database.kind, () =>
        database.orm.em.fork().getConnection().execute('select 1'),
      ),
      log,
    }),
  );
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    orm: database.orm,
    database,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
      if (!options.database) {
        await database.close();
      }
    },
  };
}
