import { useRef, useState } from 'react';

import { useT } from '../../i18n/I18nProvider';

interface TokenSecretProps {
  name: string;
  token: string;
  onDone: () => void;
}

/** The secret of a token just created: shown this once, with a copy button. */
export function TokenSecret({ name, token, onDone }: TokenSecretProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopy('copied');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select it for Ctrl+C.
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="admin-secret" role="alert" data-testid="token-secret-panel">
      <strong>{t('admin.tokens.secretTitle', { name })}</strong>
      <p>{t('admin.tokens.secretWarning')}</p>
      <div className="admin-secret-row">
        <input
          ref={input}
          readOnly
          value={token}
          onFocus={(e) => e.target.select()}
          aria-label={t('admin.tokens.secretLabel')}
          data-testid="token-secret"
        />
        <button type="button" onClick={() => void copyToken()} data-testid="token-copy">
          {t('admin.tokens.copy')}
        </button>
        {copy !== 'idle' && (
          <span role="status" className="muted" data-testid="token-copy-status">
            {t(copy === 'copied' ? 'admin.tokens.copied' : 'admin.tokens.copyFailed')}
          </span>
        )}
      </div>
      <button type="button" onClick={onDone} data-testid="token-secret-done">
        {t('admin.tokens.done')}
      </button>
    </div>
  );
}
