import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../../errors';
import { AppSetting } from './access.entity';
import type { Viewer } from './viewer';

const ISSUER = 'msoko-hub';
export const SESSION_HOURS = 12;
const KEY_SETTING = 'auth.signing_key';

/** What a signed token carries: the viewer it stands for. */
export type TokenClaims = Viewer;

/**
 * The signing key: AUTH_SECRET when given, else one generated once and kept in the database,
 * so every server process on that database accepts every token (stateless sessions).
 */
export async function loadSigningKey(
  em: EntityManager,
  configured: string | null,
): Promise<Uint8Array> {
  if (configured) {
    return new TextEncoder().encode(configured);
  }
  const fresh = randomBytes(48).toString('base64url');
  // Insert-if-absent, then read: two processes starting together end up with the same key.
  await em
    .getConnection()
    .execute('insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing', [
      KEY_SETTING,
      fresh,
    ]);
  const stored = await em.findOneOrFail(AppSetting, { key: KEY_SETTING });
  return new TextEncoder().encode(stored.value);
}

export async function signToken(
  key: Uint8Array,
  claims: TokenClaims,
  expiresAt: Date | null,
): Promise<string> {
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(`${claims.kind}:${claims.id}`)
    .setIssuedAt();
  if (expiresAt) {
    jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  }
  return jwt.sign(key);
}

/** Verifies a token; a malformed, forged or expired one is UNAUTHENTICATED (never a 500). */
export async function verifyToken(key: Uint8Array, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    return payload as unknown as TokenClaims;
  } catch (error) {
    const expired = error instanceof joseErrors.JWTExpired;
    throw new UnauthenticatedError(
      expired ? 'Your session has expired: sign in again' : 'Invalid token',
    );
  }
}

export function sessionExpiry(now = Date.now()): Date {
  return new Date(now + SESSION_HOURS * 3600 * 1000);
}
