import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context';
import { ForbiddenError, refuseRequest } from '../../errors';
import { Role } from './access.enums';
import { rootFields } from '../../shared/root-fields';

// Root fields anyone may call: signing in, and asking who one is.
const PUBLIC_FIELDS = new Set(['me', 'signIn', 'signOut', '__typename']);

// Dashboard tokens: directory data and aggregate comparisons, never rows.
const DASHBOARD_FIELDS = new Set([
  'me',
  'directions',
  'cycleComponents',
  'regions',
  'municipalities',
  'organizations',
  'roadmapCoverage',
  'indicators',
  'assessmentProcedures',
  'compareIndicators',
  'indicatorSeries',
  'indicatorAggregate',
  'mumMatrix',
  // Teachers' aggregates: shares per municipality and subject, never a person.
  'deficitHeatmap',
  'teacherAnalytics',
  // Olympiad funnel: counts and rates per unit and subject, never a pupil.
  'olympiadFunnel',
  'olympiadSubjects',
  'olympiads',
  '__typename',
  '__schema',
  '__type',
]);

/** Authentication and the dashboard allow-list for every root field, checked once per operation. */
export function checkRootFields(
  context: Context,
  operation: 'query' | 'mutation' | 'subscription',
  fields: string[],
): void {
  const guarded = fields.filter((field) => !PUBLIC_FIELDS.has(field));
  if (!guarded.length) {
    return;
  }
  if (context.authError) {
    throw context.authError;
  }
  const viewer = context.access.requireViewer();
  if (
    viewer.role === Role.DASHBOARD &&
    (operation !== 'query' || guarded.some((field) => !DASHBOARD_FIELDS.has(field)))
  ) {
    throw new ForbiddenError('Dashboard tokens read aggregates only');
  }
}

// An Apollo plugin rather than a field middleware: it runs once per request, not once per field.
export const accessGuard: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, contextValue }) {
        if (!operation) {
          return;
        }
        try {
          checkRootFields(contextValue, operation.operation, rootFields(document, operation));
        } catch (error) {
          throw error instanceof GraphQLError ? refuseRequest(error) : error;
        }
      },
    };
  },
};
