// Regions, municipalities and organizations a user or token may be scoped to, with lookups.
import type { RegionNode } from '../municipalities/municipalities.queries';
import type { ScopeMunicipality, ScopeOrganization } from './admin.queries';

export interface ScopeDirectory {
  regions: readonly RegionNode[];
  municipalities: readonly ScopeMunicipality[];
  organizations: readonly ScopeOrganization[];
}

export const EMPTY_DIRECTORY: ScopeDirectory = {
  regions: [],
  municipalities: [],
  organizations: [],
};

export interface ScopeOption {
  id: string;
  name: string;
}

export function byName<T extends ScopeOption>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export function organizationName(org: ScopeOrganization): string {
  return org.shortName || org.name;
}

export function municipalityOf(dir: ScopeDirectory, id: string | null) {
  return id === null ? undefined : dir.municipalities.find((m) => m.id === id);
}

export function organizationOf(dir: ScopeDirectory, id: string | null) {
  return id === null ? undefined : dir.organizations.find((o) => o.id === id);
}

/** The region that goes with a scope: the municipality's when one is chosen, else the region. */
export function effectiveRegionId(
  dir: ScopeDirectory,
  scope: { regionId: string | null; municipalityId: string | null },
): string | null {
  return municipalityOf(dir, scope.municipalityId)?.region.id ?? scope.regionId;
}

/** Organizations of one municipality, by name. */
export function organizationsIn(
  dir: ScopeDirectory,
  municipalityId: string | null,
): ScopeOrganization[] {
  const orgs = dir.organizations.filter((o) => o.municipality.id === municipalityId);
  return [...orgs].sort((a, b) => organizationName(a).localeCompare(organizationName(b), 'ru'));
}

/**
 * Text typed or pasted into a scope cell → an id: empty clears it; an id or a name (any case)
 * picks the option; anything else throws `unknown(text)`.
 */
export function parseScopeId(
  text: string,
  options: readonly ScopeOption[],
  unknown: (text: string) => Error,
): string | null {
  const value = text.trim();
  if (value === '') {
    return null;
  }
  const lower = value.toLowerCase();
  const match =
    options.find((o) => o.id === value) ?? options.find((o) => o.name.toLowerCase() === lower);
  if (!match) {
    throw unknown(value);
  }
  return match.id;
}
