// GraphiQL's fetcher: the app's own session and nothing else. Headers from GraphiQL are dropped
// (its headers editor is off too), so no other token can ride along, and operations that would
// swap the session cookie (signIn, signOut) never leave the page.
import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';

import { GRAPHQL_ENDPOINT, SESSION_LOST_EVENT } from '../../api/graphql';

const SESSION_FIELDS = new Set(['signIn', 'signOut']);

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface FetcherResult {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      return [selection.name.value];
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : document.definitions.find(
            (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
          );
    return fragment && 'selectionSet' in fragment
      ? rootFields(fragment.selectionSet, document)
      : [];
  });
}

/** Whether any mutation of the document signs in or out; unparsable text is the server's to refuse. */
export function changesSession(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.operation === 'mutation' &&
      rootFields(d.selectionSet, document).some((field) => SESSION_FIELDS.has(field)),
  );
}

export function createSessionFetcher(refusal: string) {
  return async ({ query, operationName, variables }: FetcherParams): Promise<FetcherResult> => {
    if (changesSession(query)) {
      return { errors: [{ message: refusal, extensions: { code: 'FORBIDDEN' } }] };
    }
    const response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      },
      body: JSON.stringify({ query, variables, operationName: operationName || undefined }),
    });
    let body: FetcherResult;
    try {
      body = (await response.json()) as FetcherResult;
    } catch {
      // A proxy error page or an empty body: shown as an error in the result pane.
      return { errors: [{ message: `HTTP ${response.status}` }] };
    }
    if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      // The session ended (expired, signed out elsewhere): back to the sign-in page, like the app.
      window.dispatchEvent(new Event(SESSION_LOST_EVENT));
    }
    return body;
  };
}
