// «Copy as curl»: the console's current request as a POSIX shell command.

/** One shell word in single quotes; a quote inside closes, adds an escaped quote and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface CurlRequest {
  /** Absolute address of the endpoint, e.g. `https://hub.example/graphql`. */
  url: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string | null;
}

/**
 * `curl` POSTing the GraphQL-over-HTTP JSON body with the session as a bearer token. The body is
 * one JSON line (newlines of the query become `\n`), so the command pastes into any POSIX shell.
 */
export function buildCurlCommand({
  url,
  token,
  query,
  variables,
  operationName,
}: CurlRequest): string {
  const body = JSON.stringify({
    query,
    ...(variables !== undefined ? { variables } : {}),
    ...(operationName ? { operationName } : {}),
  });
  return [
    `curl ${shellQuote(url)}`,
    '-X POST',
    `-H ${shellQuote('Content-Type: application/json')}`,
    `-H ${shellQuote(`Authorization: Bearer ${token}`)}`,
    `--data-raw ${shellQuote(body)}`,
  ].join(' \\\n  ');
}

export type ParsedVariables =
  | { ok: true; value: Record<string, unknown> | undefined }
  | { ok: false };

/** The variables editor's text: empty means none; otherwise it must be a JSON object. */
export function parseVariables(text: string | null | undefined): ParsedVariables {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') {
    return { ok: true, value: undefined };
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ok: true, value: value as Record<string, unknown> }
      : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** The endpoint as seen from this page, e.g. `https://hub.example` + `/graphql`. */
export function endpointUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
