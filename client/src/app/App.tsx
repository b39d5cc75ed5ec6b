import { useCallback, useEffect } from 'react';

import { AdminPage } from '../features/admin/AdminPage';
import { AssessmentResultsPage } from '../features/assessments/AssessmentResultsPage';
import { LowResultsPage } from '../features/assessments/LowResultsPage';
import { ObjectivityPage } from '../features/assessments/ObjectivityPage';
import { ComparisonPage } from '../features/comparison/ComparisonPage';
import { ConsolePage } from '../features/console/ConsolePage';
import { CoverageGrid } from '../features/coverage/CoverageGrid';
import { ImportPage } from '../features/import/ImportPage';
import { IndicatorValuesPage } from '../features/indicator-values/IndicatorValuesPage';
import { MumPage } from '../features/mum/MumPage';
import { OccurrencesPage } from '../features/occurrences/OccurrencesPage';
import { EnrolmentsPage } from '../features/olympiads/EnrolmentsPage';
import { FunnelPage } from '../features/olympiads/FunnelPage';
import { RecheckPage } from '../features/olympiads/RecheckPage';
import { RecordsPage } from '../features/olympiads/RecordsPage';
import { TalentBankPage } from '../features/olympiads/TalentBankPage';
import { RoadmapsPage } from '../features/roadmaps/RoadmapsPage';
import { DiagnosticsPage } from '../features/teachers/DiagnosticsPage';
import { HeatmapPage } from '../features/teachers/HeatmapPage';
import { MentorshipsPage } from '../features/teachers/MentorshipsPage';
import { RoutesPage } from '../features/teachers/RoutesPage';
import { TeachersPage } from '../features/teachers/TeachersPage';
import { useI18n } from '../i18n/I18nProvider';
import { Header } from './Header';
import { useHashRoute } from './router';

export function App() {
  const { route, navigate } = useHashRoute();
  const { t } = useI18n();
  // Selections inside a page live in the address (shareable), replacing the entry.
  const setPageParams = useCallback(
    (params: Record<string, string>) => navigate(route.page, params, true),
    [navigate, route.page],
  );

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <div className="app">
      <Header page={route.page} navigate={navigate} />
      <main className="app-main">
        {route.page === 'roadmaps' && (
          <RoadmapsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'occurrences' && <OccurrencesPage />}
        {route.page === 'coverage' && <CoverageGrid />}
        {route.page === 'indicators' && (
          <IndicatorValuesPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'comparison' && (
          <ComparisonPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'mum' && <MumPage params={route.params} setParams={setPageParams} />}
        {route.page === 'assessments/results' && (
          <AssessmentResultsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'assessments/objectivity' && (
          <ObjectivityPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'assessments/low-results' && (
          <LowResultsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'teachers' && (
          <TeachersPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'teachers/diagnostics' && (
          <DiagnosticsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'teachers/routes' && (
          <RoutesPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'teachers/mentorships' && (
          <MentorshipsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'teachers/heatmap' && (
          <HeatmapPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'olympiads' && (
          <RecordsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'olympiads/funnel' && (
          <FunnelPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'olympiads/recheck' && (
          <RecheckPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'olympiads/talent' && (
          <TalentBankPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'olympiads/enrolments' && (
          <EnrolmentsPage params={route.params} setParams={setPageParams} />
        )}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'console' && <ConsolePage params={route.params} />}
        {route.page === 'admin' && <AdminPage />}
      </main>
    </div>
  );
}
