import type { RoleName } from '../auth/auth.queries';

const USER_FIELDS = /* GraphQL */ `
  id
  version
  login
  displayName
  role
  active
  organizationId
  region {
    id
  }
  municipality {
    id
  }
`;

export const USERS_QUERY = /* GraphQL */ `
  query Users($first: Int, $offset: Int) {
    users(first: $first, offset: $offset) {
      totalCount
      nodes {
        ${USER_FIELDS}
      }
    }
  }
`;

export const UPSERT_USERS_MUTATION = /* GraphQL */ `
  mutation UpsertUsers($rows: [UserInput!]!, $dryRun: Boolean) {
    upsertUsers(rows: $rows, dryRun: $dryRun) {
      ok
      rows {
        ${USER_FIELDS}
      }
      errors {
        index
        id
        field
        code
        message
      }
    }
  }
`;

// Scopes users and tokens may be given; municipalities and organizations come in pages. The
// regions are the region selects' query.
export type { RegionsData } from '../municipalities/municipalities.queries';
export { REGIONS_QUERY } from '../municipalities/municipalities.queries';

export const MUNICIPALITIES_PAGE_QUERY = /* GraphQL */ `
  query AdminMunicipalities($first: Int, $offset: Int) {
    municipalities(first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        name
        region {
          id
        }
      }
    }
  }
`;

export const ORGANIZATIONS_PAGE_QUERY = /* GraphQL */ `
  query AdminOrganizations($first: Int, $offset: Int) {
    organizations(first: $first, offset: $offset) {
      totalCount
      nodes {
        id
        name
        shortName
        municipality {
          id
        }
      }
    }
  }
`;

const API_TOKEN_FIELDS = /* GraphQL */ `
  id
  name
  role
  createdAt
  expiresAt
  revokedAt
  organizationId
  region {
    id
    name
  }
  municipality {
    id
    name
  }
`;

export const API_TOKENS_QUERY = /* GraphQL */ `
  query ApiTokens {
    apiTokens {
      ${API_TOKEN_FIELDS}
    }
  }
`;

export const CREATE_API_TOKEN_MUTATION = /* GraphQL */ `
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ${API_TOKEN_FIELDS}
      }
    }
  }
`;

export const REVOKE_API_TOKEN_MUTATION = /* GraphQL */ `
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ${API_TOKEN_FIELDS}
    }
  }
`;

export const ROLE_NAMES: readonly RoleName[] = [
  'ADMIN',
  'REGIONAL_ANALYST',
  'MUNICIPAL_METHODOLOGIST',
  'SCHOOL_COORDINATOR',
  'DASHBOARD',
];

export interface UserNode {
  id: string;
  version: number;
  login: string;
  displayName: string;
  role: RoleName;
  active: boolean;
  organizationId: string | null;
  region: { id: string } | null;
  municipality: { id: string } | null;
}

export interface UserInput {
  id?: string;
  version?: number;
  login?: string;
  displayName?: string;
  role?: RoleName;
  regionId?: string | null;
  municipalityId?: string | null;
  organizationId?: string | null;
  password?: string;
  active?: boolean;
}

export interface RowErrorNode {
  index: number;
  id: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface UsersData {
  users: { totalCount: number; nodes: UserNode[] };
}

export interface UpsertUsersData {
  upsertUsers: { ok: boolean; rows: UserNode[]; errors: RowErrorNode[] };
}

export interface ScopeMunicipality {
  id: string;
  name: string;
  region: { id: string };
}

export interface ScopeOrganization {
  id: string;
  name: string;
  shortName: string | null;
  municipality: { id: string };
}

export interface MunicipalitiesPageData {
  municipalities: { totalCount: number; nodes: ScopeMunicipality[] };
}

export interface OrganizationsPageData {
  organizations: { totalCount: number; nodes: ScopeOrganization[] };
}

export interface ApiTokenNode {
  id: string;
  name: string;
  role: RoleName;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  organizationId: string | null;
  region: { id: string; name: string } | null;
  municipality: { id: string; name: string } | null;
}

export interface CreateApiTokenInput {
  name: string;
  role: RoleName;
  regionId?: string;
  municipalityId?: string;
  organizationId?: string;
  expiresOn?: string;
}

export interface ApiTokensData {
  apiTokens: ApiTokenNode[];
}

export interface CreateApiTokenData {
  createApiToken: { token: string; apiToken: ApiTokenNode };
}

export interface RevokeApiTokenData {
  revokeApiToken: ApiTokenNode;
}
