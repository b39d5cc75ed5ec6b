import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { UnauthenticatedError } from './errors';
import { createLoaders, type Loaders } from './loaders';
import { authenticate } from './modules/access/authenticate';
import { Access } from './modules/access/viewer';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  access: Access;
  /** A token that did not verify: raised by every field that needs a viewer. */
  authError: UnauthenticatedError | null;
  requestId: string;
  /** The date "now" for overdue and coverage (HUB_TODAY pins it for demos and tests). */
  today: string;
  /** Signing key of session and API tokens. */
  signingKey: Uint8Array;
  /** Set-Cookie headers to send with the response (sign-in, sign-out). */
  cookies: string[];
  secureCookies: boolean;
  clientAddress: string;
}

export function todayIso(fixed: string | null): string {
  return fixed ?? new Date().toISOString().slice(0, 10);
}

export interface ContextOptions {
  orm: MikroORM;
  fixedToday: string | null;
  signingKey: Uint8Array;
  secureCookies: boolean;
}

export async function buildContext(
  req: IncomingMessage,
  options: ContextOptions,
): Promise<Context> {
  const em = options.orm.em.fork();
  const { viewer, error } = await authenticate(req, em, options.signingKey);
  return {
    em,
    loaders: createLoaders(em),
    access: new Access(viewer),
    authError: error,
    requestId: randomUUID(),
    today: todayIso(options.fixedToday),
    signingKey: options.signingKey,
    cookies: [],
    secureCookies: options.secureCookies,
    clientAddress: req.socket.remoteAddress ?? 'unknown',
  } satisfies Context;
}
