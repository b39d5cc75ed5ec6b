import { type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from './access.enums';

/** The municipality a row belongs to, for deciding who may see its personal fields. */
export type RowMunicipality<T> = (
  row: T,
  context: Context,
) => Promise<{ id: number; regionId: number } | null> | { id: number; regionId: number } | null;

/**
 * Marks a field as personal data (152-ФЗ): dashboard tokens never get it, and viewers outside
 * the row's scope get null. The field must be nullable. Teachers and pupils will use it.
 */
export function PersonalData<T>(
  municipalityOf: RowMunicipality<T>,
): MethodDecorator & PropertyDecorator {
  const guard: MiddlewareFn<Context> = async ({ root, context }, next) => {
    const viewer = context.access.viewer;
    if (!viewer || viewer.role === Role.DASHBOARD) {
      return null;
    }
    const municipality = await municipalityOf(root as T, context);
    if (municipality && !context.access.canReadRowsOf(municipality)) {
      return null;
    }
    return next();
  };
  return UseMiddleware(guard);
}
