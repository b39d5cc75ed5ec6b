import { useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { ApiTokenNode } from './admin.queries';
import { tokenOrganizationName, tokenScopeName, tokenState } from './apiTokens';
import type { ScopeDirectory } from './scopeDirectory';

interface ApiTokensTableProps {
  tokens: readonly ApiTokenNode[];
  /** Names the tokens' organizations (the API gives their ids). */
  directory: ScopeDirectory;
  onRevoke: (id: string) => Promise<void>;
}

export function ApiTokensTable({ tokens, directory, onRevoke }: ApiTokensTableProps) {
  const { t, lang } = useI18n();
  const now = new Date();
  if (tokens.length === 0) {
    return <p className="empty">{t('admin.tokens.empty')}</p>;
  }
  return (
    <table className="admin-table" data-testid="token-table">
      <thead>
        <tr>
          <th>{t('admin.tokens.name')}</th>
          <th>{t('admin.col.role')}</th>
          <th>{t('admin.tokens.scope')}</th>
          <th>{t('admin.col.organization')}</th>
          <th>{t('admin.tokens.created')}</th>
          <th>{t('admin.tokens.expires')}</th>
          <th>{t('admin.tokens.state')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id} data-testid={`token-row-${token.id}`} data-state={state}>
              <td>{token.name}</td>
              <td>{t(`role.${token.role}` as MessageKey)}</td>
              <td>{tokenScopeName(token) ?? t('admin.scopeAll')}</td>
              <td data-testid="token-organization-name">
                {tokenOrganizationName(token, directory) ?? t('admin.scopeAll')}
              </td>
              <td>{formatDateTime(lang, token.createdAt)}</td>
              <td>
                {token.expiresAt ? formatDate(lang, token.expiresAt) : t('admin.tokens.noExpiry')}
              </td>
              <td data-testid="token-state">
                {state === 'revoked' && token.revokedAt
                  ? t('admin.tokens.revokedAt', { date: formatDateTime(lang, token.revokedAt) })
                  : t(`admin.tokens.${state}` as MessageKey)}
              </td>
              <td>{state !== 'revoked' && <RevokeButton token={token} onRevoke={onRevoke} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Revoking cuts off every application using the token at once: it asks first, in place. */
function RevokeButton({
  token,
  onRevoke,
}: {
  token: ApiTokenNode;
  onRevoke: ApiTokensTableProps['onRevoke'];
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} data-testid="token-revoke">
        {t('admin.tokens.revoke')}
      </button>
    );
  }
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRevoke(token.id);
    } catch (e) {
      setError(t('common.error', { message: errorMessage(e) }));
      setBusy(false);
    }
  };
  return (
    <span className="admin-confirm" role="alertdialog" data-testid="token-revoke-confirm">
      <span>{t('admin.tokens.revokeConfirm', { name: token.name })}</span>
      <button
        type="button"
        className="admin-danger"
        disabled={busy}
        onClick={() => void revoke()}
        data-testid="token-revoke-yes"
      >
        {t('admin.tokens.revokeYes')}
      </button>
      <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
        {t('admin.tokens.cancel')}
      </button>
      {error && <span className="query-error">{error}</span>}
    </span>
  );
}
