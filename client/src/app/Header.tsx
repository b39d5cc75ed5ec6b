import type { MouseEvent } from 'react';

import { confirmDiscard } from '../components/editable-grid';
import { useAuth } from '../features/auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/plural';
import type { MessageKey } from '../i18n/ru';
import type { NavigateFn, PageId } from './router';
import { formatHash, visiblePages } from './router';

const NAV_LABELS: Record<PageId, MessageKey> = {
  roadmaps: 'nav.roadmaps',
  occurrences: 'nav.occurrences',
  coverage: 'nav.coverage',
  indicators: 'ind.nav.values',
  comparison: 'ind.nav.comparison',
  mum: 'ind.nav.mum',
  'assessments/results': 'asm.nav.results',
  'assessments/objectivity': 'asm.nav.objectivity',
  'assessments/low-results': 'asm.nav.lowResults',
  import: 'nav.import',
  admin: 'admin.nav',
};

export function Header({ page, navigate }: { page: PageId; navigate: NavigateFn }) {
  const { t, lang, setLang } = useI18n();
  const { me } = useAuth();
  const go = (target: PageId) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    // Leaving a page unmounts its grid and with it the unsaved edits.
    if (target !== page && confirmDiscard(t('grid.leaveWarning'))) {
      navigate(target);
    }
  };
  return (
    <header className="app-header">
      <span className="app-title">{t('app.title')}</span>
      <nav className="app-nav">
        {visiblePages(me?.role).map((p) => (
          <a
            key={p}
            href={formatHash(p)}
            onClick={go(p)}
            className={p === page ? 'active' : undefined}
            aria-current={p === page ? 'page' : undefined}
            data-testid={`nav-${p.replace('/', '-')}`}
          >
            {t(NAV_LABELS[p])}
          </a>
        ))}
      </nav>
      <UserBadge />
      <label className="lang-switch">
        <span>{t('lang.label')}</span>
        <select
          value={lang}
          onChange={(e) => setLang(e.target.value as Lang)}
          data-testid="lang-switch"
        >
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </label>
    </header>
  );
}

/** Who is signed in, with the role, and the way out. */
function UserBadge() {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  if (!me) {
    return null;
  }
  const scope = me.municipality?.name ?? me.region?.name;
  return (
    <span className="user-badge" data-testid="user-badge">
      <span data-testid="user-name">{me.displayName}</span>
      <span className="user-role" data-testid="user-role">
        {t(`role.${me.role}` as MessageKey)}
        {scope ? ` · ${scope}` : ''}
      </span>
      <button type="button" onClick={() => void signOut()} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </span>
  );
}
