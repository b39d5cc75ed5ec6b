export const ME_QUERY = /* GraphQL */ `
  query Me {
    me {
      id
      login
      displayName
      role
      organizationId
      region {
        id
        name
      }
      municipality {
        id
        name
      }
    }
  }
`;

export const SIGN_IN_MUTATION = /* GraphQL */ `
  mutation SignIn($login: String!, $password: String!) {
    signIn(login: $login, password: $password) {
      expiresAt
    }
  }
`;

export const SIGN_OUT_MUTATION = /* GraphQL */ `
  mutation SignOut {
    signOut
  }
`;

export type RoleName =
  | 'ADMIN'
  | 'REGIONAL_ANALYST'
  | 'MUNICIPAL_METHODOLOGIST'
  | 'SCHOOL_COORDINATOR'
  | 'DASHBOARD';

export interface Me {
  id: string;
  login: string;
  displayName: string;
  role: RoleName;
  organizationId: string | null;
  region: { id: string; name: string } | null;
  municipality: { id: string; name: string } | null;
}

export interface MeData {
  me: Me | null;
}
