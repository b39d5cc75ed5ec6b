// Benchmark target: msoko-hub itself, started as `npm start` would (config from the
// environment the parent gives it: DATABASE_URL, ADMIN_PASSWORD, …), on a port of its own.
import 'reflect-metadata';
import { serveTarget } from './target-process';
import { createServer } from '../../app';

serveTarget(async () => {
  const hub = await createServer({ port: 0, log: () => undefined });
  return { url: `${hub.url}/graphql`, stop: () => hub.stop() };
});
