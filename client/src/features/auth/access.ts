// What the signed-in user may write, for greying out the grids (the server checks again).
import type { Me, RoleName } from './auth.queries';

/** A user as the write rules read them: the role and the scope it is bound to. */
export interface Writer {
  role: RoleName;
  municipalityId: string | null;
  organizationId: string | null;
}

export function writerOf(me: Me | null): Writer | null {
  return me
    ? {
        role: me.role,
        municipalityId: me.municipality?.id ?? null,
        organizationId: me.organizationId,
      }
    : null;
}

/** Roles that write activities and their execution: administrators, municipal methodologists. */
export function writesRows(role: RoleName | null | undefined): boolean {
  return role === 'ADMIN' || role === 'MUNICIPAL_METHODOLOGIST';
}

/** Whether the writer may edit rows of this municipality. */
export function canEdit(writer: Writer | null, municipalityId: string | null): boolean {
  if (!writer || !writesRows(writer.role)) {
    return false;
  }
  return (
    writer.role === 'ADMIN' || (municipalityId !== null && writer.municipalityId === municipalityId)
  );
}
