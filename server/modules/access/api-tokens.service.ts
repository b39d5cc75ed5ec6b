import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundHubError } from '../../errors';
import { parseId } from '../../shared/filters';
import { Municipality, Region } from '../geography/geography.entity';
import { ApiToken, User } from './access.entity';
import { Role } from './access.enums';
import type { CreateApiTokenInput } from './access.inputs';
import { signToken } from './auth.tokens';
import type { Viewer } from './viewer';

export function listApiTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: [{ id: 'desc' }] });
}

/** Creates a token; its secret is returned once and never stored (only its id is checked). */
export async function createApiToken(
  em: EntityManager,
  key: Uint8Array,
  admin: Viewer,
  input: CreateApiTokenInput,
) {
  if (input.role === Role.ADMIN) {
    throw new BadUserInputError('API tokens cannot be administrators', { field: 'role' });
  }
  if (input.role === Role.REGIONAL_ANALYST && !input.regionId) {
    throw new BadUserInputError('A regional token needs regionId', { field: 'regionId' });
  }
  if (input.role === Role.MUNICIPAL_METHODOLOGIST && !input.municipalityId) {
    throw new BadUserInputError('A municipal token needs municipalityId', {
      field: 'municipalityId',
    });
  }
  const region = input.regionId
    ? await em.findOne(Region, { id: parseId(input.regionId, 'regionId') })
    : null;
  const municipality = input.municipalityId
    ? await em.findOne(Municipality, { id: parseId(input.municipalityId, 'municipalityId') })
    : null;
  if ((input.regionId && !region) || (input.municipalityId && !municipality)) {
    throw new NotFoundHubError('Scope not found', {
      field: input.regionId && !region ? 'regionId' : 'municipalityId',
    });
  }
  const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59Z`) : null;
  const apiToken = em.create(ApiToken, {
    name: input.name,
    role: input.role,
    region,
    municipality,
    createdBy: em.getReference(User, admin.id),
    expiresAt,
  });
  await em.flush();
  const token = await signToken(
    key,
    {
      kind: 'token',
      id: apiToken.id,
      label: `token:${apiToken.name}`,
      role: apiToken.role,
      regionId: region?.id ?? municipality?.region.id ?? null,
      municipalityId: municipality?.id ?? null,
      organizationId: null,
    },
    expiresAt,
  );
  return { apiToken, token };
}

export async function revokeApiToken(em: EntityManager, id: string): Promise<ApiToken> {
  const apiToken = await em.findOne(ApiToken, { id: parseId(id) });
  if (!apiToken) {
    throw new NotFoundHubError('API token not found');
  }
  apiToken.revokedAt ??= new Date();
  await em.flush();
  return apiToken;
}
