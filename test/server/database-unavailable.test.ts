// Without a database: the health check's verdict and the error a request gets. The real stop
// and restart of PostgreSQL is in database-restart.test.ts (it needs TEST_DATABASE_URL).
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError, DatabaseUnavailableError } from '../../server/errors';
import { createHealthCheck } from '../../server/http/health';
import { authenticate } from '../../server/modules/access/authenticate';
import { signToken } from '../../server/modules/access/auth.tokens';
import { Role } from '../../server/modules/access/access.enums';

const refused = () =>
  Promise.reject(
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  );

describe('the health check', () => {
  it('answers 200 with the database kind when the database answers', async () => {
    const check = createHealthCheck('pglite', () => Promise.resolve([{ '?column?': 1 }]));
    expect(await check()).toEqual({
      httpStatus: 200,
      body: { status: 'ok', database: 'pglite' },
    });
  });

  it('answers 503 degraded when the query fails', async () => {
    const check = createHealthCheck('postgres', refused);
    expect(await check()).toEqual({
      httpStatus: 503,
      body: { status: 'degraded', database: 'unavailable' },
    });
  });

  it('answers 503 degraded within its timeout when the database hangs', async () => {
    const check = createHealthCheck('postgres', () => new Promise(() => undefined), 50);
    const started = Date.now();
    expect((await check()).httpStatus).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('a request while the database is down', () => {
  const key = new TextEncoder().encode('a-test-signing-key-of-some-length');
  const emDown = { getConnection: () => ({ execute: refused }) } as unknown as EntityManager;

  it('fails authentication with DATABASE_UNAVAILABLE and HTTP 503, not a context failure', async () => {
    const token = await signToken(
      key,
      {
        kind: 'user',
        id: 1,
        label: 'admin',
        role: Role.ADMIN,
        regionId: null,
        municipalityId: null,
        organizationId: null,
      },
      null,
    );
    const req = { headers: { authorization: `Bearer ${token}` } } as IncomingMessage;
    const failure = await authenticate(req, emDown, key).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as GraphQLError).extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'DATABASE_UNAVAILABLE',
      http: { status: 503 },
    });
  });

  it('is answered with one message that fits reads and writes alike', () => {
    const logged: unknown[] = [];
    const format = createFormatError((error) => logged.push(error));
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const error = new DatabaseUnavailableError(cause);
    expect(format({ message: error.message, extensions: error.extensions }, error)).toEqual({
      message: 'The database is unavailable; try again shortly. Nothing was changed.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' },
    });
    // The server log keeps the driver's error, not the wrapper.
    expect(logged).toEqual([cause]);
  });
});
