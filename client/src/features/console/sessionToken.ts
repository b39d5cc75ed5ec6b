// The session token for «copy as curl». The session cookie is httpOnly, so the page cannot read
// it: the user confirms the password and the server issues a session token of the same user with
// the same rights. The request carries no cookie and its Set-Cookie is ignored (`omit`), so the
// app's own session is never touched, whoever the password turns out to belong to.
import { GRAPHQL_ENDPOINT, type GraphQLErrorItem, GraphQLRequestError } from '../../api/graphql';

const SIGN_IN_FOR_TOKEN = /* GraphQL */ `
  mutation ConsoleSessionToken($login: String!, $password: String!) {
    signIn(login: $login, password: $password) {
      token
      expiresAt
      user {
        id
      }
    }
  }
`;

export interface SessionToken {
  userId: string;
  token: string;
  expiresAt: string;
}

interface SignInData {
  signIn: { token: string; expiresAt: string; user: { id: string } };
}

/**
 * Not through `gql()`: a wrong password answers UNAUTHENTICATED, which there means "the session
 * is gone" and signs the user out of the app.
 */
export async function confirmSessionToken(
  user: { id: string; login: string },
  password: string,
): Promise<SessionToken> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: SIGN_IN_FOR_TOKEN, variables: { login: user.login, password } }),
  });
  let body: { data?: SignInData | null; errors?: GraphQLErrorItem[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = {};
  }
  const signedIn = body.data?.signIn;
  if (!signedIn) {
    throw new GraphQLRequestError(body.errors ?? [], response.status);
  }
  // Only the signed-in user's own token goes into the command (a login renamed meanwhile could
  // name another account).
  if (signedIn.user.id !== user.id) {
    throw new GraphQLRequestError([{ message: 'Another account answered' }], response.status);
  }
  return { userId: user.id, token: signedIn.token, expiresAt: signedIn.expiresAt };
}

/** A token still usable by this user. */
export function usableToken(
  held: SessionToken | null,
  userId: string,
  now: Date,
): SessionToken | null {
  return held && held.userId === userId && new Date(held.expiresAt) > now ? held : null;
}
