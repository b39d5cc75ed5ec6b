// The only reader of process.env: validates once at boot, names every problem, then freezes.
import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  /** Streaming replicas of DATABASE_URL that serve read-only analytics; empty = none. */
  readonly databaseReplicaUrls: readonly string[];
  readonly dataDir: string;
  readonly seedOnStart: boolean;
  /** With seedOnStart: also load the synthetic demo organizations and indicator values. */
  readonly seedDemo: boolean;
  readonly maxBodyBytes: number;
  readonly maxQueryDepth: number;
  readonly maxQueryCost: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly clientDir: string;
  readonly today: string | null;
  /** Signing key of tokens; unset → one generated and kept in the database. */
  readonly authSecret: string | null;
  /** Password of the first administrator; unset → generated and printed once. */
  readonly adminPassword: string | null;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  /** Who must name a listed operation (schema/persisted-operations.json): nobody, API tokens, everyone. */
  readonly persistedQueries: PersistedQueryMode;
  /** max-age in seconds of GET answers of aggregate queries (Cache-Control: private); 0 = no-store. */
  readonly aggregateCacheMaxAge: number;
}

export const PERSISTED_QUERY_MODES = ['open', 'allow-list-for-tokens', 'allow-list'] as const;
export type PersistedQueryMode = (typeof PERSISTED_QUERY_MODES)[number];

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

function readInt(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function readBool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no'].includes(raw)) {
    return false;
  }
  problems.push(`${name} must be true or false, got "${env[name]}"`);
  return fallback;
}

function readDatabaseUrl(env: Env, problems: string[]): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') {
    return null;
  }
  try {
    const url = new URL(raw);
    if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
      problems.push(`DATABASE_URL must be a postgres:// URL, got protocol "${url.protocol}"`);
    }
  } catch {
    problems.push('DATABASE_URL is not a valid URL');
  }
  return raw;
}

function isPostgresUrl(raw: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

// Replicas copy the DATABASE_URL server; the embedded PGlite database has none.
function readReplicaUrls(env: Env, problems: string[]): readonly string[] {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (urls.length && !env.DATABASE_URL) {
    problems.push(
      'DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded PGlite database has no read replicas',
    );
  }
  urls.forEach((url, index) => {
    if (!isPostgresUrl(url)) {
      problems.push(`DATABASE_REPLICA_URLS entry ${index + 1} must be a postgres:// URL`);
    }
  });
  return Object.freeze(urls);
}

function readToday(env: Env, problems: string[]): string | null {
  const raw = env.HUB_TODAY;
  if (raw === undefined || raw === '') {
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    problems.push(`HUB_TODAY must be a date YYYY-MM-DD, got "${raw}"`);
    return null;
  }
  return raw;
}

function readSecret(env: Env, name: string, minLength: number, problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return null;
  }
  if (raw.length < minLength) {
    problems.push(`${name} must be at least ${minLength} characters long`);
  }
  return raw;
}

function readPersistedQueryMode(env: Env, problems: string[]): PersistedQueryMode {
  const raw = env.PERSISTED_QUERIES || 'open';
  if (!(PERSISTED_QUERY_MODES as readonly string[]).includes(raw)) {
    problems.push(
      `PERSISTED_QUERIES must be one of ${PERSISTED_QUERY_MODES.join(', ')}, got "${raw}"`,
    );
    return 'open';
  }
  return raw as PersistedQueryMode;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const config: Config = {
    port: readInt(env, 'PORT', 4000, 0, 65535, problems),
    host: env.HOST || '0.0.0.0',
    databaseUrl: readDatabaseUrl(env, problems),
    databaseReplicaUrls: readReplicaUrls(env, problems),
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    seedOnStart: readBool(env, 'SEED_ON_START', true, problems),
    seedDemo: readBool(env, 'SEED_DEMO', true, problems),
    maxBodyBytes: readInt(
      env,
      'MAX_BODY_BYTES',
      5 * 1024 * 1024,
      1024,
      100 * 1024 * 1024,
      problems,
    ),
    maxQueryDepth: readInt(env, 'MAX_QUERY_DEPTH', 12, 2, 50, problems),
    maxQueryCost: readInt(env, 'MAX_QUERY_COST', 1_000_000, 100, 100_000_000, problems),
    logLevel,
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'client/dist'),
    today: readToday(env, problems),
    authSecret: readSecret(env, 'AUTH_SECRET', 32, problems),
    adminPassword: readSecret(env, 'ADMIN_PASSWORD', 10, problems),
    secureCookies: readBool(env, 'COOKIE_SECURE', false, problems),
    persistedQueries: readPersistedQueryMode(env, problems),
    aggregateCacheMaxAge: readInt(env, 'AGGREGATE_CACHE_MAX_AGE', 60, 0, 3600, problems),
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return Object.freeze(config);
}
