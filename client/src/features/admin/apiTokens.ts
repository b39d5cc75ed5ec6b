// API tokens as the admin page shows and creates them. Pure functions only.
import type { RoleName } from '../auth/auth.queries';
import type { ApiTokenNode, CreateApiTokenInput } from './admin.queries';
import type { ScopeDirectory } from './scopeDirectory';
import { effectiveRegionId, organizationName, organizationOf } from './scopeDirectory';

/** Roles a token may have: anything but administrator (the server refuses that). */
export const TOKEN_ROLES: readonly RoleName[] = [
  'DASHBOARD',
  'REGIONAL_ANALYST',
  'MUNICIPAL_METHODOLOGIST',
  'SCHOOL_COORDINATOR',
];

export interface TokenForm {
  name: string;
  role: RoleName;
  regionId: string;
  municipalityId: string;
  /** One organization of the municipality (a coordinator-level token). */
  organizationId: string;
  /** Last day the token works (YYYY-MM-DD); empty: no expiry. */
  expiresOn: string;
}

export const EMPTY_TOKEN_FORM: TokenForm = {
  name: '',
  role: 'DASHBOARD',
  regionId: '',
  municipalityId: '',
  organizationId: '',
  expiresOn: '',
};

export type TokenFormProblem = 'name' | 'region' | 'municipality' | 'organization' | null;

/** What the form still lacks: a name, and the scope the role reads through. */
export function tokenFormProblem(form: TokenForm): TokenFormProblem {
  if (form.name.trim() === '') {
    return 'name';
  }
  if (form.role === 'REGIONAL_ANALYST' && !form.regionId && !form.municipalityId) {
    return 'region';
  }
  const municipal = form.role === 'MUNICIPAL_METHODOLOGIST' || form.role === 'SCHOOL_COORDINATOR';
  if (municipal && !form.municipalityId) {
    return 'municipality';
  }
  return form.role === 'SCHOOL_COORDINATOR' && !form.organizationId ? 'organization' : null;
}

/**
 * A form change; a new municipality drops the organization chosen in the old one (the server
 * refuses an organization outside the token's municipality).
 */
export function updateTokenForm(form: TokenForm, patch: Partial<TokenForm>): TokenForm {
  const next = { ...form, ...patch };
  return next.municipalityId === form.municipalityId ? next : { ...next, organizationId: '' };
}

/** The mutation input; a municipality brings its region along (regional tokens need one). */
export function toCreateTokenInput(form: TokenForm, dir: ScopeDirectory): CreateApiTokenInput {
  const regionId = effectiveRegionId(dir, {
    regionId: form.regionId || null,
    municipalityId: form.municipalityId || null,
  });
  return {
    name: form.name.trim(),
    role: form.role,
    ...(regionId ? { regionId } : {}),
    ...(form.municipalityId ? { municipalityId: form.municipalityId } : {}),
    ...(form.municipalityId && form.organizationId ? { organizationId: form.organizationId } : {}),
    ...(form.expiresOn ? { expiresOn: form.expiresOn } : {}),
  };
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: ApiTokenNode, now: Date): TokenState {
  if (token.revokedAt) {
    return 'revoked';
  }
  return token.expiresAt && new Date(token.expiresAt) <= now ? 'expired' : 'active';
}

/** The narrowest scope named: municipality, else region, else null (the whole hub). */
export function tokenScopeName(token: ApiTokenNode): string | null {
  return token.municipality?.name ?? token.region?.name ?? null;
}

/** The token's organization by name; its id when the directory does not list it. */
export function tokenOrganizationName(token: ApiTokenNode, dir: ScopeDirectory): string | null {
  const org = organizationOf(dir, token.organizationId);
  return org ? organizationName(org) : token.organizationId;
}
