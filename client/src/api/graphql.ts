export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Thrown when the response carries `errors` (or is not a GraphQL response at all). */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorItem[];
  readonly status: number;

  constructor(errors: GraphQLErrorItem[], status: number) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';
export const SESSION_LOST_EVENT = 'msoko:session-lost';

export async function gql<T>(
  query: string,
  variables?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = await readBody(response);
  if (body === null) {
    throw new GraphQLRequestError(
      [{ message: `HTTP ${response.status}`, extensions: { code: 'NETWORK_ERROR' } }],
      response.status,
    );
  }
  if (body.errors && body.errors.length > 0) {
    if (body.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      // The session expired or was signed out elsewhere: the app goes back to the sign-in page.
      window.dispatchEvent(new Event(SESSION_LOST_EVENT));
    }
    throw new GraphQLRequestError(body.errors, response.status);
  }
  return body.data as T;
}

async function readBody(
  response: Response,
): Promise<{ data?: unknown; errors?: GraphQLErrorItem[] } | null> {
  try {
    return (await response.json()) as { data?: unknown; errors?: GraphQLErrorItem[] };
  } catch {
    // A proxy error page or an empty body: not a GraphQL response.
    return null;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    return error.code ? `${error.message} (${error.code})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
