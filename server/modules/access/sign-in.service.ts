import type { Context } from '../../context';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import { User } from './access.entity';
import { clearedSessionCookie, sessionCookie } from './authenticate';
import { sessionExpiry, signToken, type TokenClaims } from './auth.tokens';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { SignInLimiter } from './sign-in.limiter';
import type { Viewer } from './viewer';

// One limiter per process: failed attempts are counted until the window passes.
const limiter = new SignInLimiter();

export function userClaims(user: User): TokenClaims {
  return {
    kind: 'user',
    id: user.id,
    label: user.login,
    role: user.role,
    regionId: user.region?.id ?? null,
    municipalityId: user.municipality?.id ?? null,
    organizationId: user.organization?.id ?? null,
  };
}

/** Checks the password, issues a session token and sets it as an httpOnly cookie. */
export async function signIn(context: Context, login: string, password: string) {
  const key = `${login.toLowerCase()}@${context.clientAddress}`;
  if (limiter.isBlocked(key)) {
    throw new ForbiddenError('Too many failed sign-ins: try again in 15 minutes', {
      reason: 'RATE_LIMITED',
    });
  }
  const user = await context.em.findOne(
    User,
    { login: login.trim(), active: true },
    { populate: ['passwordHash'] },
  );
  // Compare even for unknown logins so timing does not tell which accounts exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    limiter.fail(key);
    throw new UnauthenticatedError('Wrong login or password');
  }
  limiter.succeed(key);
  const expiresAt = sessionExpiry();
  const token = await signToken(context.signingKey, userClaims(user), expiresAt);
  context.cookies.push(sessionCookie(token, expiresAt, context.secureCookies));
  return { user, token, expiresAt };
}

export function signOut(context: Context): boolean {
  context.cookies.push(clearedSessionCookie());
  return true;
}

/** The signed-in user (null for anonymous requests and API tokens). */
export async function currentUser(context: Context): Promise<User | null> {
  const viewer: Viewer | null = context.access.viewer;
  if (!viewer || viewer.kind !== 'user') {
    return null;
  }
  return context.em.findOne(User, { id: viewer.id, active: true });
}
