// Automatic persisted queries (Apollo's APQ protocol) and the allow-list of listed operations.
import type { GraphQLSchema } from 'graphql';
import type { PersistedQueryMode } from '../config';
import { BadUserInputError, refuseRequest } from '../errors';
import type { Viewer } from '../modules/access/viewer';
import {
  manifestProblems,
  type PersistedManifest,
  type PersistedOperation,
  sha256Hex,
} from '../persisted/manifest';

// Registered ad-hoc documents kept per process; a miss only costs the client one retry.
const DEFAULT_LRU_BYTES = 16 * 1024 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The APQ store Apollo reads (`persistedQueries.cache`): the listed operations first, known to
 * every process from start, then a bounded in-process LRU of documents clients registered.
 * Nothing is shared between processes (DESIGN.md: stateless API): another process answers
 * `PersistedQueryNotFound` and the client sends the document once more.
 */
export class PersistedQueryStore {
  private readonly listed: Map<string, PersistedOperation>;
  private readonly registered = new Map<string, string>();
  private registeredBytes = 0;

  constructor(
    manifest: PersistedManifest,
    private readonly maxBytes = DEFAULT_LRU_BYTES,
  ) {
    this.listed = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  isListed(hash: string): boolean {
    return this.listed.has(hash);
  }

  get size(): number {
    return this.registered.size;
  }

  // Apollo prefixes keys ("apq:<hash>"); the hash is the last segment.
  async get(key: string): Promise<string | undefined> {
    const listed = this.listed.get(hashOfKey(key));
    if (listed) {
      return listed.body;
    }
    const document = this.registered.get(key);
    if (document !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.registered.delete(key);
      this.registered.set(key, document);
    }
    return document;
  }

  async set(key: string, document: string): Promise<void> {
    if (this.listed.has(hashOfKey(key))) {
      return;
    }
    await this.delete(key);
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(document);
    if (bytes > this.maxBytes) {
      return;
    }
    this.registered.set(key, document);
    this.registeredBytes += bytes;
    for (const [oldest, value] of this.registered) {
      if (this.registeredBytes <= this.maxBytes) {
        break;
      }
      this.registered.delete(oldest);
      this.registeredBytes -= Buffer.byteLength(oldest) + Buffer.byteLength(value);
    }
  }

  async delete(key: string): Promise<boolean> {
    const document = this.registered.get(key);
    if (document === undefined) {
      return false;
    }
    this.registered.delete(key);
    this.registeredBytes -= Buffer.byteLength(key) + Buffer.byteLength(document);
    return true;
  }
}

function hashOfKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/** The store of a manifest checked against the schema the server runs: a stale one fails at boot. */
export function createPersistedQueryStore(
  manifest: PersistedManifest,
  schema: GraphQLSchema,
): PersistedQueryStore {
  const problems = manifestProblems(manifest, schema);
  if (problems.length) {
    throw new Error(`schema/persisted-operations.json is stale:\n- ${problems.join('\n- ')}`);
  }
  return new PersistedQueryStore(manifest);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(text: string | null): unknown {
  if (text === null) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refusePersisted(message: string, reason: string): never {
  throw refuseRequest(new BadUserInputError(message, { reason }));
}

/**
 * The operation a request names, as a sha256: its `persistedQuery` hash or the hash of its
 * query text; null when it names none (Apollo refuses those). Refuses, as Apollo would but
 * with our error codes, an unknown APQ version and a hash that is not the query's.
 */
export function requestedOperationHash(
  method: string,
  body: unknown,
  search: string,
): string | null {
  let query: unknown;
  let extensions: unknown;
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    query = params.get('query') ?? undefined;
    extensions = readJson(params.get('extensions'));
  } else if (isRecord(body)) {
    ({ query, extensions } = body);
  }
  const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
  if (isRecord(persisted)) {
    if (persisted.version !== 1) {
      refusePersisted('Unsupported persisted query version', 'PERSISTED_QUERY_VERSION');
    }
    const hash = persisted.sha256Hash;
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
      refusePersisted('sha256Hash must be 64 lowercase hex digits', 'PERSISTED_QUERY_HASH_INVALID');
    }
    if (typeof query === 'string' && sha256Hex(query) !== hash) {
      refusePersisted('sha256Hash is not the hash of the query', 'PERSISTED_QUERY_HASH_MISMATCH');
    }
    return hash;
  }
  return typeof query === 'string' && query !== '' ? sha256Hex(query) : null;
}

const NOT_ALLOWED_MESSAGES: Record<Exclude<PersistedQueryMode, 'open'>, string> = {
  'allow-list-for-tokens':
    'API tokens may run only the listed dashboard operations (schema/persisted-operations.json): send the sha256Hash of one of them',
  'allow-list':
    'This server runs only the listed operations (schema/persisted-operations.json): send the sha256Hash of one of them',
};

/** Refuses a request the mode restricts to listed operations when it names another one. */
export function checkAllowList(
  mode: PersistedQueryMode,
  store: PersistedQueryStore,
  viewer: Viewer | null,
  hash: string | null,
): void {
  if (mode === 'open' || (mode === 'allow-list-for-tokens' && viewer?.kind !== 'token')) {
    return;
  }
  if (hash === null || !store.isListed(hash)) {
    refusePersisted(NOT_ALLOWED_MESSAGES[mode], 'PERSISTED_QUERY_NOT_ALLOWED');
  }
}
