import { Component, lazy, type ReactNode, Suspense } from 'react';

import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';

// GraphiQL and Monaco are large: their chunk loads when the console opens, not with the app.
const ConsoleWorkbench = lazy(() =>
  import('./ConsoleWorkbench').then((module) => ({ default: module.ConsoleWorkbench })),
);

/** «Консоль GraphQL»: GraphiQL with the signed-in user's session (not for dashboard accounts). */
export function ConsolePage({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const { me } = useAuth();
  if (!me || me.role === 'DASHBOARD') {
    return (
      <section className="page" role="alert" data-testid="console-no-access">
        {t('console.noAccess')}
      </section>
    );
  }
  return (
    <section className="page console-page" data-testid="console-page">
      <h2>{t('console.title')}</h2>
      <p className="muted">{t('console.intro')}</p>
      <LoadFailure render={(message) => t('console.loadFailed', { message })}>
        <Suspense fallback={<p className="muted">{t('console.loading')}</p>}>
          {/* A new user gets a fresh console: their own tabs, history and token. */}
          <ConsoleWorkbench key={me.id} user={me} params={params} />
        </Suspense>
      </LoadFailure>
    </section>
  );
}

/** A chunk that fails to load (a new deployment, the network) is shown, not a blank page. */
class LoadFailure extends Component<
  { children: ReactNode; render: (message: string) => string },
  { message: string | null }
> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === null ? (
      this.props.children
    ) : (
      <p className="query-error" role="alert" data-testid="console-load-failed">
        {this.props.render(this.state.message)}
      </p>
    );
  }
}
