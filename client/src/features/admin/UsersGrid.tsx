import { useMemo } from 'react';

import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../auth/AuthProvider';
import type { ScopeDirectory } from './scopeDirectory';
import type { UserRow } from './userRow';
import { emptyUserRow } from './userRow';
import { buildUserColumns } from './users.columns';
import { useUserRows } from './useUserRows';

const newUserRow = () => emptyUserRow();

export function UsersGrid({ directory }: { directory: ScopeDirectory }) {
  const t = useT();
  const meId = useAuth().me?.id ?? null;
  const { rows, loading, error, reload, save } = useUserRows(directory);
  const columns = useMemo(() => buildUserColumns(t, directory, meId), [t, directory, meId]);
  return (
    <section className="admin-section" data-testid="admin-users">
      <h3>{t('admin.users.title')}</h3>
      <p className="muted">{t('admin.users.hint')}</p>
      <QueryStatus error={error} onRetry={() => void reload()} />
      <EditableGrid<UserRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        canAddRows
        newRow={newUserRow}
        loading={loading}
        height={360}
        historyEntity="app_user"
      />
    </section>
  );
}
