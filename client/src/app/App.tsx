import { useCallback, useEffect } from 'react';

import { AdminPage } from '../features/admin/AdminPage';
import { ComparisonPage } from '../features/comparison/ComparisonPage';
import { CoverageGrid } from '../features/coverage/CoverageGrid';
import { ImportPage } from '../features/import/ImportPage';
import { IndicatorValuesPage } from '../features/indicator-values/IndicatorValuesPage';
import { MumPage } from '../features/mum/MumPage';
import { OccurrencesPage } from '../features/occurrences/OccurrencesPage';
import { RoadmapsPage } from '../features/roadmaps/RoadmapsPage';
import { useI18n } from '../i18n/I18nProvider';
import { Header } from './Header';
import { useHashRoute } from './router';

export function App() {
  const { route, navigate } = useHashRoute();
  const { t, lang } = useI18n();
  const setRoadmapParams = useCallback(
    (params: Record<string, string>) => navigate('roadmaps', params, true),
    [navigate],
  );
  // Selections inside these pages live in the address (shareable), replacing the entry.
  const setValuesParams = useCallback(
    (params: Record<string, string>) => navigate('indicators', params, true),
    [navigate],
  );
  const setComparisonParams = useCallback(
    (params: Record<string, string>) => navigate('comparison', params, true),
    [navigate],
  );
  const setMumParams = useCallback(
    (params: Record<string, string>) => navigate('mum', params, true),
    [navigate],
  );

  useEffect(() => {
    document.title = t('app.title');
    document.documentElement.lang = lang;
  }, [t, lang]);

  return (
    <div className="app">
      <Header page={route.page} navigate={navigate} />
      <main className="app-main">
        {route.page === 'roadmaps' && (
          <RoadmapsPage params={route.params} setParams={setRoadmapParams} />
        )}
        {route.page === 'occurrences' && <OccurrencesPage />}
        {route.page === 'coverage' && <CoverageGrid />}
        {route.page === 'indicators' && (
          <IndicatorValuesPage params={route.params} setParams={setValuesParams} />
        )}
        {route.page === 'comparison' && (
          <ComparisonPage params={route.params} setParams={setComparisonParams} />
        )}
        {route.page === 'mum' && <MumPage params={route.params} setParams={setMumParams} />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'admin' && <AdminPage />}
      </main>
    </div>
  );
}
