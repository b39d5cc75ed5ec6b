import { type FormEvent, useState } from 'react';

import { GraphQLRequestError } from '../../api/graphql';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from './AuthProvider';

export function SignInPage() {
  const t = useT();
  const { signIn } = useAuth();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login, password);
    } catch (e) {
      const code = e instanceof GraphQLRequestError ? e.errors[0]?.extensions?.code : null;
      setError(code === 'FORBIDDEN' ? t('auth.rateLimited') : t('auth.wrong'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="sign-in-form" data-testid="sign-in-form">
        <h1>{t('app.title')}</h1>
        <label className="field">
          <span>{t('auth.login')}</span>
          <input
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoComplete="username"
            data-testid="sign-in-login"
          />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="sign-in-password"
          />
        </label>
        {error && (
          <p className="sign-in-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !login || !password} data-testid="sign-in-submit">
          {t('auth.signIn')}
        </button>
      </form>
    </main>
  );
}
