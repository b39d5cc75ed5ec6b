import type { MouseEvent } from 'react';
import { useEffect, useRef } from 'react';

import { confirmDiscard } from '../components/editable-grid';
import { useAuth } from '../features/auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/plural';
import type { MessageKey } from '../i18n/ru';
import type { NavigateFn, PageId } from './router';
import { formatHash, NAV_GROUPS, visiblePages } from './router';

const GROUP_LABELS: Record<string, MessageKey> = {
  teachers: 'tch.nav.group',
  olympiads: 'oly.nav.group',
};

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
  teachers: 'tch.nav.teachers',
  'teachers/diagnostics': 'tch.nav.diagnostics',
  'teachers/routes': 'tch.nav.routes',
  'teachers/mentorships': 'tch.nav.mentorships',
  'teachers/heatmap': 'tch.nav.heatmap',
  olympiads: 'oly.nav.records',
  'olympiads/funnel': 'oly.nav.funnel',
  'olympiads/recheck': 'oly.nav.recheck',
  'olympiads/talent': 'oly.nav.talent',
  'olympiads/enrolments': 'oly.nav.enrolments',
  import: 'nav.import',
  console: 'console.nav',
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
        {navEntries(visiblePages(me?.role)).map((entry) =>
          typeof entry === 'string' ? (
            <NavLink key={entry} target={entry} page={page} onClick={go(entry)} />
          ) : (
            <NavGroup key={entry.id} id={entry.id} pages={entry.pages} page={page} go={go} />
          ),
        )}
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

type NavEntry = PageId | { id: string; pages: PageId[] };

/** The visible pages with each group's pages gathered at the place of its first one. */
function navEntries(pages: readonly PageId[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const p of pages) {
    const group = NAV_GROUPS.find((g) => g.pages.includes(p));
    if (!group) {
      entries.push(p);
      continue;
    }
    const existing = entries.find(
      (e): e is { id: string; pages: PageId[] } => typeof e !== 'string' && e.id === group.id,
    );
    if (existing) {
      existing.pages.push(p);
    } else {
      entries.push({ id: group.id, pages: [p] });
    }
  }
  return entries;
}

function NavLink({
  target,
  page,
  onClick,
}: {
  target: PageId;
  page: PageId;
  onClick: (e: MouseEvent<HTMLAnchorElement>) => void;
}) {
  const { t } = useI18n();
  return (
    <a
      href={formatHash(target)}
      onClick={onClick}
      className={target === page ? 'active' : undefined}
      aria-current={target === page ? 'page' : undefined}
      data-testid={`nav-${target.replace('/', '-')}`}
    >
      {t(NAV_LABELS[target])}
    </a>
  );
}

/** A drop-down of pages: its label shows the chosen page when it is one of them. */
function NavGroup({
  id,
  pages,
  page,
  go,
}: {
  id: string;
  pages: readonly PageId[];
  page: PageId;
  go: (target: PageId) => (e: MouseEvent<HTMLAnchorElement>) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const inside = pages.includes(page);
  // Closes after a choice and on a click elsewhere.
  useEffect(() => {
    ref.current?.removeAttribute('open');
  }, [page]);
  useEffect(() => {
    const close = (e: Event) => {
      if (ref.current && !ref.current.contains(e.target as Node)) {
        ref.current.removeAttribute('open');
      }
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  return (
    <details
      className="nav-group"
      ref={ref}
      data-testid={`nav-group-${id}`}
      onKeyDown={(e) => {
        // Escape closes the menu and gives the focus back to its label, as menus do.
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.removeAttribute('open');
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className={inside ? 'active' : undefined}>
        {t(GROUP_LABELS[id])}
        {inside ? `: ${t(NAV_LABELS[page])}` : ''}
      </summary>
      <div className="nav-group-menu">
        {pages.map((p) => (
          <NavLink key={p} target={p} page={page} onClick={go(p)} />
        ))}
      </div>
    </details>
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
