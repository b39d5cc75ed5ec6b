import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundHubError } from '../../errors';
import { parseId } from '../../shared/filters';
import { ApiToken, User } from './access.entity';
import { Role } from './access.enums';
import type { CreateApiTokenInput } from './access.inputs';
import {
  loadScopeDirectory,
  missingScope,
  SCOPE_FIELDS,
  type ScopeIds,
  settleScope,
} from './access.scope';
import { signToken } from './auth.tokens';
import { auditedTransaction } from '../audit/audit.context';
import type { Access } from './viewer';

export function listApiTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: [{ id: 'desc' }] });
}

/**
 * The token's scope, settled like a user's: an organization brings its municipality along and
 * a municipality its region; a given parent must contain it, and the role's scope is required.
 */
async function tokenScope(em: EntityManager, input: CreateApiTokenInput): Promise<ScopeIds> {
  const wanted: ScopeIds = { regionId: null, municipalityId: null, organizationId: null };
  for (const field of SCOPE_FIELDS) {
    const raw = input[field];
    wanted[field] = raw ? parseId(raw, field) : null;
  }
  const given = new Set(SCOPE_FIELDS.filter((field) => wanted[field] !== null));
  const { scope, problems } = settleScope(await loadScopeDirectory(em, [wanted]), wanted, given);
  const [problem] = problems.length ? problems : [missingScope(input.role, scope)];
  if (problem?.code === 'NOT_FOUND') {
    throw new NotFoundHubError('Scope not found', { field: problem.field });
  }
  if (problem?.code === 'REQUIRED') {
    throw new BadUserInputError(`A ${input.role} token needs ${problem.field}`, {
      field: problem.field,
    });
  }
  if (problem) {
    throw new BadUserInputError(
      'The scope does not fit together: an organization must be in the municipality, a municipality in the region',
      { field: problem.field },
    );
  }
  return scope;
}

/** Creates a token; its secret is returned once and never stored (only its id is checked). */
export async function createApiToken(
  em: EntityManager,
  key: Uint8Array,
  access: Access,
  input: CreateApiTokenInput,
) {
  const admin = access.requireAdmin();
  if (input.role === Role.ADMIN) {
    throw new BadUserInputError('API tokens cannot be administrators', { field: 'role' });
  }
  const scope = await tokenScope(em, input);
  const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null;
  // Audited like every write: the trail names the administrator who made it.
  const apiToken = await auditedTransaction(em, access.auditActor(), async (tem) =>
    tem.create(ApiToken, {
      name: input.name,
      role: input.role,
      region: scope.regionId,
      municipality: scope.municipalityId,
      organization: scope.organizationId,
      createdBy: tem.getReference(User, admin.id),
      expiresAt,
    }),
  );
  const token = await signToken(
    key,
    {
      kind: 'token',
      id: apiToken.id,
      label: `token:${apiToken.name}`,
      role: apiToken.role,
      ...scope,
    },
    expiresAt,
  );
  return { apiToken, token };
}

export function revokeApiToken(em: EntityManager, access: Access, id: string): Promise<ApiToken> {
  access.requireAdmin();
  return auditedTransaction(em, access.auditActor(), async (tem) => {
    const apiToken = await tem.findOne(ApiToken, { id: parseId(id) });
    if (!apiToken) {
      throw new NotFoundHubError('API token not found');
    }
    apiToken.revokedAt ??= new Date();
    return apiToken;
  });
}
