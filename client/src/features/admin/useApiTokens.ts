import { useCallback } from 'react';

import { gql } from '../../api/graphql';
import { useQuery } from '../../api/useQuery';
import type {
  ApiTokensData,
  CreateApiTokenData,
  CreateApiTokenInput,
  RevokeApiTokenData,
} from './admin.queries';
import {
  API_TOKENS_QUERY,
  CREATE_API_TOKEN_MUTATION,
  REVOKE_API_TOKEN_MUTATION,
} from './admin.queries';

/** The token list and its two actions; each action reloads the list. */
export function useApiTokens() {
  const { data, loading, error, refetch } = useQuery<ApiTokensData>(API_TOKENS_QUERY, {});

  const create = useCallback(
    async (input: CreateApiTokenInput) => {
      const result = await gql<CreateApiTokenData>(CREATE_API_TOKEN_MUTATION, { input });
      await refetch();
      return result.createApiToken;
    },
    [refetch],
  );

  const revoke = useCallback(
    async (id: string) => {
      await gql<RevokeApiTokenData>(REVOKE_API_TOKEN_MUTATION, { id });
      await refetch();
    },
    [refetch],
  );

  return { tokens: data?.apiTokens ?? [], loading, error, refetch, create, revoke };
}
