import { useCallback, useState } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import type { CreateApiTokenInput } from './admin.queries';
import { ApiTokensTable } from './ApiTokensTable';
import { CreateTokenForm } from './CreateTokenForm';
import type { ScopeDirectory } from './scopeDirectory';
import { TokenSecret } from './TokenSecret';
import { useApiTokens } from './useApiTokens';

export function ApiTokensSection({ directory }: { directory: ScopeDirectory }) {
  const t = useT();
  const { tokens, loading, error, refetch, create, revoke } = useApiTokens();
  // The secret lives only in this state: the API never returns it again.
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const onCreate = useCallback(
    async (input: CreateApiTokenInput) => {
      const created = await create(input);
      setSecret({ name: created.apiToken.name, token: created.token });
    },
    [create],
  );

  return (
    <section className="admin-section" data-testid="admin-tokens">
      <h3>{t('admin.tokens.title')}</h3>
      <p className="muted">{t('admin.tokens.hint')}</p>
      <CreateTokenForm directory={directory} onCreate={onCreate} />
      {secret && <TokenSecret {...secret} onDone={() => setSecret(null)} />}
      <QueryStatus
        loading={loading && tokens.length === 0}
        error={error}
        onRetry={() => void refetch()}
      />
      <ApiTokensTable tokens={tokens} directory={directory} onRevoke={revoke} />
    </section>
  );
}
