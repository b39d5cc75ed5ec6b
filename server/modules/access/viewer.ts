import { ForbiddenError, UnauthenticatedError } from '../../errors';
import { Role } from './access.enums';

/** Who makes the request: a signed-in user or an API token, with its role and scope. */
export interface Viewer {
  kind: 'user' | 'token';
  id: number;
  label: string;
  role: Role;
  regionId: number | null;
  municipalityId: number | null;
  organizationId: number | null;
}

/** Rows a viewer may see: every municipality, one region's, or one municipality's. */
export type RowScope = { all: true } | { regionId: number } | { municipalityId: number };

const ALL: RowScope = { all: true };

/** Scripts and seeds act as the system: an administrator without a session. */
export const SYSTEM_VIEWER: Viewer = {
  kind: 'user',
  id: 0,
  label: 'system',
  role: Role.ADMIN,
  regionId: null,
  municipalityId: null,
  organizationId: null,
};

/**
 * The access rules of issue #3 in one place. Services ask it for the scope to filter lists by
 * and to check writes; the GraphQL layer asks it whether a root field may run at all.
 */
export class Access {
  constructor(readonly viewer: Viewer | null) {}

  /** Who the audit trail names for writes of this request. */
  auditActor(): { userId: number | null; label: string } {
    const viewer = this.requireViewer();
    return {
      userId: viewer.kind === 'user' && viewer.id > 0 ? viewer.id : null,
      label: viewer.label,
    };
  }

  requireViewer(): Viewer {
    if (!this.viewer) {
      throw new UnauthenticatedError();
    }
    return this.viewer;
  }

  requireAdmin(): Viewer {
    const viewer = this.requireViewer();
    if (viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only an administrator may do this');
    }
    return viewer;
  }

  /** Rows (activities, occurrences, roadmaps, executors) the viewer may read. */
  rowScope(): RowScope {
    const viewer = this.requireViewer();
    switch (viewer.role) {
      case Role.ADMIN:
        return ALL;
      case Role.REGIONAL_ANALYST:
        return scopeOf(viewer, 'region');
      case Role.MUNICIPAL_METHODOLOGIST:
      case Role.SCHOOL_COORDINATOR:
        return scopeOf(viewer, 'municipality');
      case Role.DASHBOARD:
        throw new ForbiddenError('Dashboard tokens read aggregates only');
    }
  }

  /** Aggregates (coverage and other comparisons) the viewer may read. */
  aggregateScope(): RowScope {
    const viewer = this.requireViewer();
    switch (viewer.role) {
      case Role.ADMIN:
        return ALL;
      case Role.REGIONAL_ANALYST:
      case Role.MUNICIPAL_METHODOLOGIST:
        return scopeOf(viewer, 'region');
      case Role.SCHOOL_COORDINATOR:
        return scopeOf(viewer, 'municipality');
      case Role.DASHBOARD:
        return viewer.municipalityId
          ? scopeOf(viewer, 'municipality')
          : viewer.regionId
            ? scopeOf(viewer, 'region')
            : ALL;
    }
  }

  canReadRowsOf(municipality: { id: number; regionId: number }): boolean {
    if (!this.viewer || this.viewer.role === Role.DASHBOARD) {
      return false;
    }
    return inScope(this.rowScope(), municipality);
  }

  /**
   * Refuses a region-wide computation that writes (an analysis run, computed indicator values)
   * unless the viewer is an administrator or an analyst of that region.
   */
  assertRegionAnalyst(regionId: number, what: string): void {
    const viewer = this.requireViewer();
    const allowed =
      viewer.role === Role.ADMIN ||
      (viewer.role === Role.REGIONAL_ANALYST && reachesRegion(this.rowScope(), regionId));
    if (!allowed) {
      throw new ForbiddenError(`Only an administrator or the region’s analyst may ${what}`);
    }
  }

  /**
   * Refuses a write of municipality rows (roadmaps, activities) touching any municipality outside
   * the viewer's reach, the whole batch: only administrators and that municipality's methodologist
   * write them.
   */
  assertCanWrite(municipalityIds: Iterable<number>): void {
    this.assertCanWriteUnits(
      [...new Set(municipalityIds)].map((municipalityId) => ({
        municipalityId,
        organizationId: null,
      })),
      [Role.MUNICIPAL_METHODOLOGIST],
    );
  }

  /**
   * Refuses a write that touches any unit outside the viewer's reach, the whole batch:
   * administrators write everything, methodologists their municipality's rows, school
   * coordinators their organization's — among the `writers` roles this kind of data allows.
   */
  assertCanWriteUnits(
    targets: readonly UnitTarget[],
    writers: readonly Role[] = [Role.MUNICIPAL_METHODOLOGIST, Role.SCHOOL_COORDINATOR],
  ): void {
    const viewer = this.requireViewer();
    if (viewer.role === Role.ADMIN) {
      return;
    }
    const own = writers.includes(viewer.role) ? ownUnit(viewer) : null;
    const outside = own
      ? targets.filter((target) =>
          own.level === 'municipality'
            ? target.municipalityId !== own.id
            : target.organizationId !== own.id,
        )
      : targets;
    if (own === null || outside.length > 0) {
      throw new ForbiddenError(
        'This write touches data outside your municipality or organization',
        {
          municipalityIds: [...new Set(outside.map((target) => String(target.municipalityId)))],
        },
      );
    }
  }
}

/** A row of organization or municipality data (indicator values, later teachers, results…). */
export interface UnitTarget {
  municipalityId: number;
  /** Null for a municipality's own row. */
  organizationId: number | null;
}

/** The unit a writer owns: a methodologist's municipality, a coordinator's organization. */
function ownUnit(viewer: Viewer): { level: 'municipality' | 'organization'; id: number } | null {
  if (viewer.role === Role.MUNICIPAL_METHODOLOGIST && viewer.municipalityId != null) {
    return { level: 'municipality', id: viewer.municipalityId };
  }
  if (viewer.role === Role.SCHOOL_COORDINATOR && viewer.organizationId != null) {
    return { level: 'organization', id: viewer.organizationId };
  }
  return null;
}

function scopeOf(viewer: Viewer, level: 'region' | 'municipality'): RowScope {
  if (level === 'municipality' && viewer.municipalityId != null) {
    return { municipalityId: viewer.municipalityId };
  }
  if (level === 'region' && viewer.regionId != null) {
    return { regionId: viewer.regionId };
  }
  // A scoped role without its scope sees nothing rather than everything.
  throw new ForbiddenError(`Your account has no ${level} assigned`);
}

export function inScope(scope: RowScope, municipality: { id: number; regionId: number }): boolean {
  if ('all' in scope) {
    return true;
  }
  return 'regionId' in scope
    ? municipality.regionId === scope.regionId
    : municipality.id === scope.municipalityId;
}

/** Whether a scope covers a whole region (every scope but a single municipality's). */
export function reachesRegion(scope: RowScope, regionId: number): boolean {
  return 'all' in scope || ('regionId' in scope && scope.regionId === regionId);
}

/** The scope as a QueryBuilder condition, given the column paths of the municipality and its region. */
export function scopeCondition(
  scope: RowScope,
  columns: { municipality: string; region: string },
): Record<string, unknown> | null {
  if ('all' in scope) {
    return null;
  }
  return 'regionId' in scope
    ? { [columns.region]: scope.regionId }
    : { [columns.municipality]: scope.municipalityId };
}

/** The scope as a MikroORM condition on Municipality (empty when everything is in scope). */
export function municipalityScopeFilter(scope: RowScope): { region?: number; id?: number } {
  if ('all' in scope) {
    return {};
  }
  return 'regionId' in scope ? { region: scope.regionId } : { id: scope.municipalityId };
}
