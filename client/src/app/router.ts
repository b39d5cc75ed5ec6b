import { useCallback, useEffect, useState } from 'react';

export type PageId =
  | 'roadmaps'
  | 'occurrences'
  | 'coverage'
  | 'indicators'
  | 'comparison'
  | 'mum'
  | 'assessments/results'
  | 'assessments/objectivity'
  | 'assessments/low-results'
  | 'teachers'
  | 'teachers/diagnostics'
  | 'teachers/routes'
  | 'teachers/mentorships'
  | 'teachers/heatmap'
  | 'olympiads'
  | 'olympiads/funnel'
  | 'olympiads/recheck'
  | 'olympiads/talent'
  | 'olympiads/enrolments'
  | 'import'
  | 'console'
  | 'admin';

export const PAGES: readonly PageId[] = [
  'roadmaps',
  'occurrences',
  'coverage',
  'indicators',
  'comparison',
  'mum',
  'assessments/results',
  'assessments/objectivity',
  'assessments/low-results',
  'teachers',
  'teachers/diagnostics',
  'teachers/routes',
  'teachers/mentorships',
  'teachers/heatmap',
  'olympiads',
  'olympiads/funnel',
  'olympiads/recheck',
  'olympiads/talent',
  'olympiads/enrolments',
  'import',
  'console',
  'admin',
];

/** Pages shown in the header as one drop-down group (keeps the header to one line). */
export const NAV_GROUPS: readonly { id: string; pages: readonly PageId[] }[] = [
  {
    id: 'teachers',
    pages: [
      'teachers',
      'teachers/diagnostics',
      'teachers/routes',
      'teachers/mentorships',
      'teachers/heatmap',
    ],
  },
  {
    id: 'olympiads',
    pages: [
      'olympiads',
      'olympiads/funnel',
      'olympiads/recheck',
      'olympiads/talent',
      'olympiads/enrolments',
    ],
  },
];

// Pages only administrators see in the navigation (the page itself checks the role too).
const ADMIN_PAGES: ReadonlySet<PageId> = new Set(['admin']);

// Pages a dashboard account does not get: stored indicator values and schools' assessment
// results, signs and statuses are rows, and dashboards read aggregates only (the comparison and
// the МУМ matrix, the deficit heat map, the olympiad funnel). Protocol entries, re-check candidates
// and the talent bank are pupils' rows.
const ROW_PAGES: ReadonlySet<PageId> = new Set([
  'indicators',
  'assessments/results',
  'assessments/objectivity',
  'assessments/low-results',
  'teachers',
  'teachers/diagnostics',
  'teachers/routes',
  'teachers/mentorships',
  'olympiads',
  'olympiads/recheck',
  'olympiads/talent',
  'olympiads/enrolments',
  // The GraphQL console reads whatever the schema offers, rows included.
  'console',
]);

/** Navigation entries for a role. */
export function visiblePages(role: string | null | undefined): PageId[] {
  return PAGES.filter(
    (page) =>
      (role === 'ADMIN' || !ADMIN_PAGES.has(page)) &&
      (role !== 'DASHBOARD' || !ROW_PAGES.has(page)),
  );
}

export interface Route {
  page: PageId;
  params: URLSearchParams;
}

/** `#/roadmaps?municipality=…` → route; unknown pages fall back to the roadmaps page. */
export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as PageId) : 'roadmaps';
  return { page, params: new URLSearchParams(query) };
}

type Params = Record<string, string | null | undefined>;

export function formatHash(page: PageId, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      query.set(key, value);
    }
  }
  const qs = query.toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

export type NavigateFn = (
  page: PageId,
  params?: Record<string, string | null | undefined>,
  replace?: boolean,
) => void;

export function useHashRoute(): { route: Route; navigate: NavigateFn } {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback<NavigateFn>((page, params = {}, replace = false) => {
    const hash = formatHash(page, params);
    if (replace) {
      // Selections inside a page replace the entry instead of piling up history.
      window.history.replaceState(null, '', hash);
      setRoute(parseHash(hash));
    } else {
      window.location.hash = hash;
    }
  }, []);
  return { route, navigate };
}
