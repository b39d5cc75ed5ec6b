import { useState } from 'react';

import { useT } from '../../i18n/I18nProvider';

interface GraphqlQueryPanelProps {
  query: string;
  variables: Record<string, unknown>;
}

/** «Показать GraphQL-запрос»: the exact document and variables the page sent, to copy. */
export function GraphqlQueryPanel({ query, variables }: GraphqlQueryPanelProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const document = query.trim();
  const json = JSON.stringify(variables, null, 2);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${document}\n\n# variables\n${json}\n`);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="ind-graphql">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        data-testid="graphql-toggle"
      >
        {open ? t('ind.graphql.hide') : t('ind.graphql.show')}
      </button>
      {open && (
        <div className="ind-graphql-body" data-testid="graphql-panel">
          <p className="muted">{t('ind.graphql.hint')}</p>
          <pre data-testid="graphql-query">{document}</pre>
          <strong>{t('ind.graphql.variables')}</strong>
          <pre data-testid="graphql-variables">{json}</pre>
          <button type="button" onClick={() => void copy()} data-testid="graphql-copy">
            {t('ind.graphql.copy')}
          </button>
          {copied === 'yes' && <span className="muted"> {t('ind.graphql.copied')}</span>}
          {copied === 'failed' && (
            <span className="query-error"> {t('ind.graphql.copyFailed')}</span>
          )}
        </div>
      )}
    </div>
  );
}
