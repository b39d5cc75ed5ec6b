// Flat grid row of a user and its conversion to and from the API shapes.
import type { SaveChange } from '../../components/editable-grid';
import { mergeSavedRows } from '../../components/editable-grid';
import type { RoleName } from '../auth/auth.queries';
import type { UserInput, UserNode } from './admin.queries';
import type { ScopeDirectory } from './scopeDirectory';
import { effectiveRegionId, organizationOf } from './scopeDirectory';

export interface UserRow {
  id: string | null;
  version: number | null;
  login: string;
  displayName: string;
  role: RoleName | null;
  regionId: string | null;
  municipalityId: string | null;
  organizationId: string | null;
  active: boolean;
  /** Write-only: a password to set; the stored one is never read back. */
  password: string;
}

export type ScopeField = 'regionId' | 'municipalityId' | 'organizationId';

// The scope each role needs to see anything (the server checks the same on save).
export const REQUIRED_SCOPE: Partial<Record<RoleName, ScopeField>> = {
  REGIONAL_ANALYST: 'regionId',
  MUNICIPAL_METHODOLOGIST: 'municipalityId',
  SCHOOL_COORDINATOR: 'organizationId',
};

export const MIN_PASSWORD_LENGTH = 10;
export const LOGIN_PATTERN = /^[a-z0-9._-]{3,100}$/i;

export function toUserRow(node: UserNode): UserRow {
  return {
    id: node.id,
    version: node.version,
    login: node.login,
    displayName: node.displayName,
    role: node.role,
    regionId: node.region?.id ?? null,
    municipalityId: node.municipality?.id ?? null,
    organizationId: node.organizationId,
    active: node.active,
    password: '',
  };
}

export function emptyUserRow(): UserRow {
  return {
    id: null,
    version: null,
    login: '',
    displayName: '',
    role: null,
    regionId: null,
    municipalityId: null,
    organizationId: null,
    active: true,
    password: '',
  };
}

/** The scope field a row's role needs and lacks, or null. */
export function missingScope(row: UserRow, dir: ScopeDirectory): ScopeField | null {
  const field = row.role ? REQUIRED_SCOPE[row.role] : undefined;
  if (!field) {
    return null;
  }
  const value = field === 'regionId' ? effectiveRegionId(dir, row) : row[field];
  return value ? null : field;
}

/** The chosen organization is not in the chosen municipality (a coordinator reads its rows). */
export function organizationOutside(row: UserRow, dir: ScopeDirectory): boolean {
  const org = organizationOf(dir, row.organizationId);
  return org !== undefined && org.municipality.id !== row.municipalityId;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * A new row sends every filled field; an edited one its id, version and changed fields. The
 * region is the municipality's when one is chosen (a methodologist reads its region's
 * aggregates); the password only when one was typed, never trimmed.
 */
export function toUserInput(change: SaveChange<UserRow>, dir: ScopeDirectory): UserInput {
  const { row, isNew } = change;
  const send = (field: keyof UserRow) =>
    isNew ? !isBlank(row[field]) : change.changedFields.includes(field);
  const input: UserInput = isNew
    ? {}
    : { id: row.id ?? undefined, version: row.version ?? undefined };
  if (send('login')) {
    input.login = row.login.trim();
  }
  if (send('displayName')) {
    input.displayName = row.displayName.trim();
  }
  if (send('role') && row.role !== null) {
    input.role = row.role;
  }
  const regionId = effectiveRegionId(dir, row);
  if (isNew ? regionId !== null : send('regionId') || send('municipalityId')) {
    input.regionId = regionId;
  }
  if (send('municipalityId')) {
    input.municipalityId = row.municipalityId;
  }
  if (send('organizationId')) {
    input.organizationId = row.organizationId;
  }
  if (send('active')) {
    input.active = row.active;
  }
  if (row.password !== '') {
    input.password = row.password;
  }
  return input;
}

/** The users after a save: the server's rows replace the saved ones, created users are appended. */
export function applySavedUsers(
  current: readonly UserRow[],
  changes: readonly SaveChange<UserRow>[],
  saved: readonly UserNode[],
): UserRow[] {
  return mergeSavedRows(current, changes, saved, toUserRow);
}
