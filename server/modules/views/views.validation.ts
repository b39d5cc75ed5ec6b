import { randomBytes } from 'node:crypto';
import { BadUserInputError } from '../../errors';

export const MAX_PAGE_KEY_LENGTH = 64;
export const MAX_VIEW_NAME_LENGTH = 120;
/** The state as compact JSON, in UTF-8 bytes: grid column state of a wide page is a few KB. */
export const MAX_VIEW_STATE_BYTES = 32 * 1024;
/** Views one person may keep over all pages (bounds what a user may store). */
export const MAX_VIEWS_PER_OWNER = 200;

const PAGE_KEY = /^[a-z0-9/-]{1,64}$/;
const SLUG = /^[A-Za-z0-9_-]{22}$/;

/** Refuses a page key that is not 1–64 of a–z, 0–9, "/" and "-". */
export function checkPageKey(page: string, field = 'page'): string {
  if (!PAGE_KEY.test(page)) {
    throw new BadUserInputError(
      `A page key is 1–${MAX_PAGE_KEY_LENGTH} of a–z, 0–9, "/" and "-", e.g. "olympiads/records"`,
      { field },
    );
  }
  return page;
}

/** The name trimmed; 1–120 characters (code points, as PostgreSQL counts them). */
export function checkViewName(name: string): string {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length === 0 || length > MAX_VIEW_NAME_LENGTH) {
    throw new BadUserInputError(
      `A view name is 1–${MAX_VIEW_NAME_LENGTH} characters (got ${length})`,
      { field: 'name' },
    );
  }
  return trimmed;
}

/** Refuses a state that is not a JSON object. */
export function checkStateObject(state: unknown): Record<string, unknown> {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new BadUserInputError('The view state must be a JSON object', { field: 'state' });
  }
  return state as Record<string, unknown>;
}

/** Refuses a state that is not a JSON object or is larger than 32 KB as JSON. */
export function checkViewState(value: unknown): Record<string, unknown> {
  const state = checkStateObject(value);
  const bytes = Buffer.byteLength(JSON.stringify(state), 'utf8');
  if (bytes > MAX_VIEW_STATE_BYTES) {
    throw new BadUserInputError(
      `The view state is ${bytes} bytes as JSON; at most ${MAX_VIEW_STATE_BYTES} (32 KB) are kept`,
      { field: 'state', maxBytes: MAX_VIEW_STATE_BYTES, bytes },
    );
  }
  return state;
}

/** Whether a string can be a slug at all (anything else is simply not found). */
export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** 128 random bits as 22 base64url characters: links cannot be guessed or enumerated. */
export function newSlug(): string {
  return randomBytes(16).toString('base64url');
}
