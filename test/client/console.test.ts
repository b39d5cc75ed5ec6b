// Pure logic of the GraphQL console: «copy as curl» (shell quoting, the body, the bearer header),
// the variables editor's text, the guard against signing in from the console, the per-user
// storage GraphiQL writes to, and the examples against the committed schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import {
  buildClientSchema,
  buildSchema,
  getVariableValues,
  graphqlSync,
  type IntrospectionQuery,
  Kind,
  parse,
  printSchema,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { parseHash, visiblePages } from '../../client/src/app/router';
import { activeTab, userConsoleStorage } from '../../client/src/features/console/consoleStorage';
import {
  buildCurlCommand,
  endpointUrl,
  parseVariables,
  shellQuote,
} from '../../client/src/features/console/curl';
import {
  EXAMPLES,
  type ExampleContext,
  exampleTexts,
} from '../../client/src/features/console/examples';
import { shallowIntrospectionQuery } from '../../client/src/features/console/introspection';
import { changesSession } from '../../client/src/features/console/sessionFetcher';
import { usableToken } from '../../client/src/features/console/sessionToken';
import { en } from '../../client/src/i18n/en';
import { ru } from '../../client/src/i18n/ru';
import { depthLimit } from '../../server/http/depth-limit';

describe('copy as curl', () => {
  it('quotes shell words in single quotes, a quote inside as an escaped one', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("O'Brien")).toBe("'O'\\''Brien'");
    expect(shellQuote("''")).toBe("''\\'''\\'''");
    expect(shellQuote('$HOME `id` "x" \\n')).toBe('\'$HOME `id` "x" \\n\'');
    expect(shellQuote('')).toBe("''");
  });

  it('builds a POST with the JSON body, the content type and the bearer token', () => {
    expect(
      buildCurlCommand({
        url: 'https://hub.example/graphql',
        token: 'eyJ.abc.def',
        query: '{ me { login } }',
      }),
    ).toBe(
      "curl 'https://hub.example/graphql' \\\n" +
        '  -X POST \\\n' +
        "  -H 'Content-Type: application/json' \\\n" +
        "  -H 'Authorization: Bearer eyJ.abc.def' \\\n" +
        `  --data-raw '{"query":"{ me { login } }"}'`,
    );
  });

  it('keeps the query on one line, quotes its single quotes and adds variables and the operation', () => {
    const query = "query Compare($input: CompareIndicatorsInput!) {\n  # it's here\n  x\n}";
    expect(
      buildCurlCommand({
        url: 'http://127.0.0.1:4000/graphql',
        token: 'tok',
        query,
        variables: { input: { regionId: '3', names: ["d'Arc", 'Хакасия'] } },
        operationName: 'Compare',
      }),
    ).toBe(
      "curl 'http://127.0.0.1:4000/graphql' \\\n" +
        '  -X POST \\\n' +
        "  -H 'Content-Type: application/json' \\\n" +
        "  -H 'Authorization: Bearer tok' \\\n" +
        "  --data-raw '" +
        '{"query":"query Compare($input: CompareIndicatorsInput!) {\\n  # it' +
        "'\\''" +
        's here\\n  x\\n}",' +
        '"variables":{"input":{"regionId":"3","names":["d' +
        "'\\''" +
        'Arc","Хакасия"]}},' +
        '"operationName":"Compare"}' +
        "'",
    );
  });

  it('leaves out empty variables and a missing operation name', () => {
    const command = buildCurlCommand({
      url: 'https://h/graphql',
      token: 't',
      query: '{ a }',
      variables: undefined,
      operationName: null,
    });
    expect(command.endsWith(`--data-raw '{"query":"{ a }"}'`)).toBe(true);
  });

  it('addresses the endpoint from the page origin', () => {
    expect(endpointUrl('https://hub.example', '/graphql')).toBe('https://hub.example/graphql');
    expect(endpointUrl('http://127.0.0.1:4173', '/graphql')).toBe('http://127.0.0.1:4173/graphql');
  });

  it('reads the variables editor: empty is none, an object is sent, anything else is refused', () => {
    expect(parseVariables('')).toEqual({ ok: true, value: undefined });
    expect(parseVariables('  \n ')).toEqual({ ok: true, value: undefined });
    expect(parseVariables(null)).toEqual({ ok: true, value: undefined });
    expect(parseVariables('{ "first": 20 }')).toEqual({ ok: true, value: { first: 20 } });
    expect(parseVariables('[1]')).toEqual({ ok: false });
    expect(parseVariables('42')).toEqual({ ok: false });
    expect(parseVariables('{ first: 20 }')).toEqual({ ok: false });
  });
});

describe('the console keeps the signed-in session', () => {
  it('refuses mutations that sign in or out, through aliases and fragments too', () => {
    expect(changesSession('mutation { signIn(login: "a", password: "b") { token } }')).toBe(true);
    expect(changesSession('mutation { who: signOut }')).toBe(true);
    expect(changesSession('mutation M { ...F } fragment F on Mutation { signOut }')).toBe(true);
    expect(
      changesSession(
        'mutation { ... on Mutation { signIn(login: "a", password: "b") { token } } }',
      ),
    ).toBe(true);
    expect(changesSession('{ me { login } }')).toBe(false);
    expect(changesSession('query { signIn }')).toBe(false);
    expect(changesSession('mutation { upsertUsers(rows: []) { ok } }')).toBe(false);
    // Not parsable: the server answers with the syntax error.
    expect(changesSession('mutation { signIn(')).toBe(false);
  });

  it('uses a held token only for its own user and until it expires', () => {
    const held = { userId: '7', token: 't', expiresAt: '2030-01-01T00:00:00.000Z' };
    expect(usableToken(held, '7', new Date('2029-12-31T23:00:00Z'))).toBe(held);
    expect(usableToken(held, '8', new Date('2029-12-31T23:00:00Z'))).toBeNull();
    expect(usableToken(held, '7', new Date('2030-01-01T00:00:01Z'))).toBeNull();
    expect(usableToken(null, '7', new Date())).toBeNull();
  });

  it("keeps each user's GraphiQL state apart and reads the active tab from it", () => {
    const items = new Map<string, string>();
    const backing = {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const alice = userConsoleStorage('1', backing);
    const bob = userConsoleStorage('2', backing);
    alice.setItem(
      'graphiql:tabState',
      JSON.stringify({
        activeTabIndex: 1,
        tabs: [
          { query: '{ a }', variables: null, operationName: null },
          { query: 'query B { b }', variables: '{"x":1}', operationName: 'B' },
        ],
      }),
    );
    bob.setItem('graphiql:queries', '[]');
    expect([...items.keys()]).toEqual([
      'msoko.console.1.graphiql:tabState',
      'msoko.console.2.graphiql:queries',
    ]);
    expect(activeTab(alice)).toEqual({
      query: 'query B { b }',
      variables: '{"x":1}',
      operationName: 'B',
    });
    expect(activeTab(bob)).toBeNull();
    expect(alice.length).toBe(1);
    alice.clear();
    expect([...items.keys()]).toEqual(['msoko.console.2.graphiql:queries']);
  });
});

describe('console examples', () => {
  const schema = buildSchema(
    readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'),
  );
  const contexts: ExampleContext[] = [
    {
      unit: { regionId: '3' },
      indicatorCode: '1.1.VPR_BASIC',
      period: '2023/2024',
      academicYear: '2024/2025',
    },
    {
      unit: { municipalityId: '12' },
      indicatorCode: '1.1.VPR_BASIC',
      period: '2023/2024',
      academicYear: '2024/2025',
    },
  ];

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s is valid against the schema with valid variables',
    (_id, example) => {
      const document = parse(example.query);
      expect(validate(schema, document)).toEqual([]);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
      for (const context of contexts) {
        const texts = exampleTexts(example, context);
        const coerced = getVariableValues(
          schema,
          operation.kind === Kind.OPERATION_DEFINITION ? (operation.variableDefinitions ?? []) : [],
          JSON.parse(texts.variables) as Record<string, unknown>,
        );
        expect(coerced.errors).toBeUndefined();
      }
    },
  );

  it('compares the municipalities of the viewer’s region, or the schools of their municipality', () => {
    const comparison = EXAMPLES.find((e) => e.id === 'comparison')!;
    expect(comparison.variables(contexts[0])).toEqual({
      input: { indicatorCodes: ['1.1.VPR_BASIC'], periods: ['2023/2024'], regionId: '3' },
    });
    expect(comparison.variables(contexts[1])).toEqual({
      input: { indicatorCodes: ['1.1.VPR_BASIC'], periods: ['2023/2024'], municipalityId: '12' },
    });
  });
});

describe('console schema', () => {
  const sdl = readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
  const schema = buildSchema(sdl);

  it('introspects within the server’s default depth limit and loses no type', () => {
    const query = shallowIntrospectionQuery();
    expect(validate(schema, parse(query), [depthLimit(12)])).toEqual([]);
    // GraphiQL's own query is refused there.
    expect(validate(schema, parse(shallowIntrospectionQuery(9)), [depthLimit(12)])).toHaveLength(1);
    const result = graphqlSync({ schema, source: query });
    expect(result.errors).toBeUndefined();
    const built = buildClientSchema(result.data as unknown as IntrospectionQuery);
    expect(printSchema(built)).toBe(printSchema(schema));
  });
});

describe('console page', () => {
  it('is listed for every signed-in role but dashboards, in Russian and English', () => {
    for (const role of [
      'ADMIN',
      'REGIONAL_ANALYST',
      'MUNICIPAL_METHODOLOGIST',
      'SCHOOL_COORDINATOR',
    ]) {
      expect(visiblePages(role)).toContain('console');
    }
    expect(visiblePages('DASHBOARD')).not.toContain('console');
    expect(parseHash('#/console?query=%7B+me+%7B+login+%7D+%7D').params.get('query')).toBe(
      '{ me { login } }',
    );
    expect(ru['console.nav']).toBe('Консоль GraphQL');
    expect(en['console.nav']).toBe('GraphQL console');
  });
});
