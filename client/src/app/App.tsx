import { useCallback, useEffect } from 'react';

import { AdminPage } from '../features/admin/AdminPage';
import { CoverageGrid } from '../features/coverage/CoverageGrid';
import { ImportPage } from '../features/import/ImportPage';
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
        {route.page === 'import' && <ImportPage />}
        {route.page === 'admin' && <AdminPage />}
      </main>
    </div>
  );
}
