// The lazily loaded part of the console: GraphiQL (Monaco and its workers, bundled by Vite), the
// example queries and «copy as curl». Loaded only when the page opens.
import './monacoWorkers';
import 'graphiql/style.css';
import './console.css';

import { GraphiQL } from 'graphiql';
import type { GraphQLSchema } from 'graphql';
import { type ComponentProps, useEffect, useMemo, useRef, useState } from 'react';

import { useI18n } from '../../i18n/I18nProvider';
import type { Me } from '../auth/auth.queries';
import { userConsoleStorage } from './consoleStorage';
import { CurlButton } from './CurlButton';
import { type Example, EXAMPLES, exampleTexts } from './examples';
import { loadSchema } from './introspection';
import { createSessionFetcher } from './sessionFetcher';
import { useExampleContext } from './useExampleContext';

interface Opened {
  /** Remounts GraphiQL, which then opens the query in a tab (or finds the tab holding it). */
  n: number;
  query?: string;
  variables?: string;
}

export function ConsoleWorkbench({ user, params }: { user: Me; params: URLSearchParams }) {
  const { t } = useI18n();
  const storage = useMemo(() => userConsoleStorage(user.id), [user.id]);
  const fetcher = useMemo(() => createSessionFetcher(t('console.refused.session')), [t]);
  const context = useExampleContext();
  // A link may carry a query to open (`#/console?query=…&variables=…`); it is never run by itself.
  const linkQuery = params.get('query') ?? undefined;
  const linkVariables = params.get('variables') ?? undefined;
  const [opened, setOpened] = useState<Opened>({
    n: 0,
    query: linkQuery,
    variables: linkVariables,
  });
  const firstLink = useRef(true);
  useEffect(() => {
    if (firstLink.current) {
      firstLink.current = false;
      return;
    }
    if (linkQuery !== undefined) {
      setOpened((o) => ({ n: o.n + 1, query: linkQuery, variables: linkVariables }));
    }
  }, [linkQuery, linkVariables]);
  // Read once with the user's session; later mounts (an example opened) reuse it. Null keeps
  // GraphiQL from its own introspection, which is deeper than the server allows.
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadSchema(fetcher).then((loaded) => !cancelled && setSchema(loaded));
    return () => {
      cancelled = true;
    };
  }, [fetcher]);

  const open = (example: Example) => {
    if (context) {
      setOpened((o) => ({ n: o.n + 1, ...exampleTexts(example, context) }));
    }
  };

  return (
    <>
      <div className="console-toolbar">
        <div role="group" aria-label={t('console.examples')} className="console-examples">
          <span className="console-examples-label">{t('console.examples')}:</span>
          {EXAMPLES.map((example) => (
            <button
              key={example.id}
              type="button"
              onClick={() => open(example)}
              disabled={!context}
              data-testid={`console-example-${example.id}`}
            >
              {t(example.label)}
            </button>
          ))}
          {!context && <span className="muted">{t('console.example.preparing')}</span>}
        </div>
        <CurlButton user={user} storage={storage} />
      </div>
      <p className="muted console-keyboard">{t('console.keyboard')}</p>
      <div className="console-graphiql" data-testid="console-graphiql">
        <GraphiQL
          key={opened.n}
          // Errors arrive as JSON (formatted errors), not GraphQLError instances: GraphiQL's
          // fetcher type says the latter once graphql-ws is installed beside it.
          fetcher={fetcher as unknown as ComponentProps<typeof GraphiQL>['fetcher']}
          storage={storage}
          schema={schema}
          initialQuery={opened.query}
          initialVariables={opened.variables}
          defaultQuery={t('console.defaultQuery')}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
          showPersistHeadersSettings={false}
          defaultEditorToolsVisibility="variables"
          forcedTheme="light"
        />
      </div>
    </>
  );
}
