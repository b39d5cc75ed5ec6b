import { type FormEvent, useState } from 'react';

import { errorMessage, GRAPHQL_ENDPOINT } from '../../api/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import { activeTab, type ConsoleStorage } from './consoleStorage';
import { buildCurlCommand, endpointUrl, parseVariables } from './curl';
import { confirmSessionToken, type SessionToken, usableToken } from './sessionToken';

type Status =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'copied' }
  | { kind: 'manual'; command: string }
  | { kind: 'error'; message: string };

/** «Копировать как curl»: the current tab's request with the user's session token. */
export function CurlButton({
  user,
  storage,
}: {
  user: { id: string; login: string };
  storage: ConsoleStorage;
}) {
  const { t } = useI18n();
  const [held, setHeld] = useState<SessionToken | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const copyWith = async (session: SessionToken) => {
    const tab = activeTab(storage);
    if (!tab || tab.query.trim() === '') {
      setStatus({ kind: 'error', message: t('console.curl.noQuery') });
      return;
    }
    const variables = parseVariables(tab.variables);
    if (!variables.ok) {
      setStatus({ kind: 'error', message: t('console.curl.badVariables') });
      return;
    }
    const command = buildCurlCommand({
      url: endpointUrl(window.location.origin, GRAPHQL_ENDPOINT),
      token: session.token,
      query: tab.query,
      variables: variables.value,
      operationName: tab.operationName,
    });
    try {
      await navigator.clipboard.writeText(command);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'manual', command });
    }
  };

  const start = () => {
    const session = usableToken(held, user.id, new Date());
    if (session) {
      void copyWith(session);
    } else {
      setStatus({ kind: 'asking' });
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const session = await confirmSessionToken(user, password);
      setHeld(session);
      setPassword('');
      await copyWith(session);
    } catch (error) {
      setStatus({
        kind: 'error',
        message: t('console.curl.wrongPassword', { message: errorMessage(error) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console-curl">
      <button type="button" onClick={start} data-testid="console-copy-curl">
        {t('console.curl.copy')}
      </button>
      <span className="console-curl-warning" role="note" data-testid="console-curl-warning">
        ⚠ {t('console.curl.warning')}
      </span>
      {status.kind === 'asking' && (
        <form
          className="console-curl-confirm"
          onSubmit={(e) => void confirm(e)}
          data-testid="console-curl-confirm"
        >
          <p className="muted">{t('console.curl.confirmHint')}</p>
          <label className="field-inline">
            <span>{t('console.curl.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
              required
              data-testid="console-curl-password"
            />
          </label>
          <button type="submit" disabled={busy} data-testid="console-curl-submit">
            {t('console.curl.confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setPassword('');
              setStatus({ kind: 'idle' });
            }}
          >
            {t('console.curl.cancel')}
          </button>
        </form>
      )}
      {status.kind === 'copied' && (
        <span className="muted" role="status" data-testid="console-curl-copied">
          {t('console.curl.copied')}
        </span>
      )}
      {status.kind === 'error' && (
        <span className="query-error" role="alert" data-testid="console-curl-error">
          {status.message}
        </span>
      )}
      {status.kind === 'manual' && (
        <label className="console-curl-manual">
          <span className="query-error">{t('console.curl.copyFailed')}</span>
          <textarea
            readOnly
            value={status.command}
            aria-label={t('console.curl.command')}
            rows={5}
            onFocus={(e) => e.target.select()}
            data-testid="console-curl-command"
          />
        </label>
      )}
    </div>
  );
}
