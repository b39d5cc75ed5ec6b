import './admin.css';

import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import { ApiTokensSection } from './ApiTokensSection';
import { UsersGrid } from './UsersGrid';
import { useScopeDirectory } from './useScopeDirectory';

/** «Пользователи и доступ»: users and API tokens, for administrators only. */
export function AdminPage() {
  const { me } = useAuth();
  // The navigation hides the page from others; an opened link explains instead of failing.
  return me?.role === 'ADMIN' ? <AdminContent /> : <NoAccess />;
}

function AdminContent() {
  const t = useT();
  const { directory, error, reload } = useScopeDirectory();
  return (
    <section className="page admin-page" data-testid="admin-page">
      <h2>{t('admin.title')}</h2>
      <QueryStatus error={error} onRetry={() => void reload()} />
      <UsersGrid directory={directory} />
      <ApiTokensSection directory={directory} />
    </section>
  );
}

function NoAccess() {
  const t = useT();
  return (
    <section className="page" role="alert" data-testid="admin-no-access">
      <h2>{t('admin.title')}</h2>
      <p>{t('admin.noAccess')}</p>
    </section>
  );
}
