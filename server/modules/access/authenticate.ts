import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  UnauthenticatedError,
} from '../../errors';
import type { Role } from './access.enums';
import { type TokenClaims, verifyToken } from './auth.tokens';
import type { Viewer } from './viewer';

export const SESSION_COOKIE = 'msoko_session';

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

/** The token of a request: `Authorization: Bearer` (API clients) or the session cookie (the client). */
export function requestToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? match[1] : '';
  }
  return cookieValue(req, SESSION_COOKIE);
}

export interface Authentication {
  viewer: Viewer | null;
  error: UnauthenticatedError | null;
}

/** Resolves the viewer; a bad token is remembered as an error, raised by fields that need a viewer. */
export async function authenticate(
  req: IncomingMessage,
  em: EntityManager,
  key: Uint8Array,
): Promise<Authentication> {
  const token = requestToken(req);
  if (token === null) {
    return { viewer: null, error: null };
  }
  try {
    const claims = await verifyToken(key, token);
    if (claims.kind === 'token') {
      // API tokens live long: check they were not revoked (one indexed read; expiry is the
      // token's own `exp`). Plain SQL, like the user read below.
      const [stored] = await em
        .getConnection()
        .execute<
          { revoked_at: Date | null }[]
        >('select revoked_at from api_token where id = ?', [claims.id]);
      if (!stored || stored.revoked_at) {
        throw new UnauthenticatedError('This API token was revoked');
      }
      return { viewer: claims, error: null };
    }
    return { viewer: await currentUser(em, claims), error: null };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      return { viewer: null, error };
    }
    // Without the database no viewer can be resolved: a clear 503, not a context failure (500).
    if (isDatabaseUnavailable(error)) {
      throw new DatabaseUnavailableError(error);
    }
    throw error;
  }
}

/**
 * A session names its user; role, scope and the active flag are read fresh (one indexed read),
 * so deactivating a user or changing their role takes effect on their next request, on every
 * server process, without keeping session state.
 */
async function currentUser(em: EntityManager, claims: TokenClaims): Promise<Viewer> {
  // Plain SQL: a partial User in the request's identity map would shadow later full loads.
  const [user] = await em
    .getConnection()
    .execute<
      UserRow[]
    >('select login, role, region_id, municipality_id, organization_id, active from app_user where id = ?', [claims.id]);
  if (!user || !user.active) {
    throw new UnauthenticatedError('This account is deactivated: ask an administrator');
  }
  return {
    kind: 'user',
    id: claims.id,
    label: user.login,
    role: user.role,
    regionId: user.region_id,
    municipalityId: user.municipality_id,
    organizationId: user.organization_id,
  };
}

interface UserRow {
  login: string;
  role: Role;
  region_id: number | null;
  municipality_id: number | null;
  organization_id: number | null;
  active: boolean;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Expires=${expiresAt.toUTCString()}`,
  ];
  return (secure ? [...attributes, 'Secure'] : attributes).join('; ');
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
