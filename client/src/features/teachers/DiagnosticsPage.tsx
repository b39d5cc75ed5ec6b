import './teachers.css';
import '../indicators/indicators.css';

import { useCallback, useEffect, useMemo, useState } from 'react';

import { gql } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { EditableGrid } from '../../components/editable-grid';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDate, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useAllNodes } from '../assessments/useAllNodes';
import { writerOf } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import type { DiagnosticRow } from './diagnosticRow';
import {
  applySavedDiagnostics,
  toDiagnosticGridErrors,
  toDiagnosticInputs,
  toDiagnosticRows,
} from './diagnosticRow';
import { buildDiagnosticColumns } from './diagnostics.columns';
import { ResultsImport } from './ResultsImport';
import { GridNotices, TeacherMunicipalitySelect } from './TeacherGridPage';
import type { CampaignArea } from './teacherLabels';
import { areaKey, campaignAreas } from './teacherLabels';
import { canWriteTeacherRow } from './teacherRow';
import type {
  CampaignNode,
  CampaignsData,
  DiagnosticResultNode,
  DiagnosticResultsData,
  UpsertDiagnosticResultsData,
} from './teachers.queries';
import {
  CAMPAIGNS_QUERY,
  DIAGNOSTIC_RESULTS_QUERY,
  UPSERT_DIAGNOSTIC_RESULTS_MUTATION,
} from './teachers.queries';
import type { PageProps } from './useTeacherData';
import { useMunicipalityParam, useTeachers } from './useTeacherData';

const pickCampaigns = (d: CampaignsData) => d.diagnosticCampaigns;
const pickResults = (d: DiagnosticResultsData) => d.diagnosticResults;

/** Campaigns, newest first. */
function useCampaigns() {
  const query = useAllNodes<CampaignNode, CampaignsData>(CAMPAIGNS_QUERY, {}, pickCampaigns);
  const campaigns = useMemo(
    () =>
      [...query.nodes].sort(
        (a, b) => b.heldOn.localeCompare(a.heldOn) || a.code.localeCompare(b.code),
      ),
    [query.nodes],
  );
  return { ...query, campaigns };
}

/** «Диагностика»: a campaign's results of the municipality's teachers, and the file import. */
export function DiagnosticsPage(props: PageProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const page = useMunicipalityParam(props);
  const { municipalityId, loading, error, select } = page;
  const catalog = useCampaigns();
  const campaign =
    catalog.campaigns.find((c) => c.code === props.params.get('campaign')) ??
    catalog.campaigns[0] ??
    null;
  const areas = useMemo(() => campaignAreas(campaign?.areas), [campaign]);
  // Remounts the grid after an import wrote results.
  const [generation, setGeneration] = useState(0);
  const writer = useMemo(() => writerOf(me), [me]);
  const canImport =
    municipalityId !== '' &&
    canWriteTeacherRow(writer, municipalityId, { storedOrganizationId: null });

  return (
    <section className="page" data-testid="diagnostics-page">
      <h2>{t('tch.diag.title')}</h2>
      <div className="filters">
        <TeacherMunicipalitySelect page={page} />
        <label className="field">
          <span>{t('tch.diag.campaign')}</span>
          <select
            value={campaign?.code ?? ''}
            onChange={(e) => select({ campaign: e.target.value })}
            data-testid="campaign-select"
          >
            {catalog.campaigns.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({formatDate(lang, c.heldOn)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus
        loading={loading || catalog.loading}
        error={error ?? catalog.error}
        onRetry={() => void catalog.reload()}
      />
      {!catalog.loading && !catalog.error && catalog.campaigns.length === 0 && (
        <p className="empty" data-testid="no-campaigns">
          {t('tch.diag.noCampaigns')}
        </p>
      )}
      {campaign && (
        <p className="muted tch-campaign-meta" data-testid="campaign-meta">
          {campaign.code}
          {campaign.operator ? ` · ${campaign.operator}` : ''}
          {campaign.instrument ? ` · ${campaign.instrument}` : ''} ·{' '}
          {areas
            .map((a) =>
              t('tch.diag.areaMeta', {
                area: t(areaKey(a.area)),
                max: formatNumber(lang, a.maxScore),
                below: formatNumber(lang, a.deficitBelow),
              }),
            )
            .join('; ')}
        </p>
      )}
      {municipalityId && campaign && (
        <>
          {canImport && (
            <ResultsImport
              key={campaign.code}
              campaignCode={campaign.code}
              areas={areas}
              onCommitted={() => setGeneration((g) => g + 1)}
            />
          )}
          <DiagnosticsGrid
            key={`${municipalityId}|${campaign.code}|${generation}`}
            municipalityId={municipalityId}
            campaignCode={campaign.code}
            areas={areas}
          />
        </>
      )}
    </section>
  );
}

interface DiagnosticsGridProps {
  municipalityId: string;
  campaignCode: string;
  areas: readonly CampaignArea[];
}

function DiagnosticsGrid({ municipalityId, campaignCode, areas }: DiagnosticsGridProps) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const teachers = useTeachers(municipalityId);
  const results = useAllNodes<DiagnosticResultNode, DiagnosticResultsData>(
    DIAGNOSTIC_RESULTS_QUERY,
    { municipalityId: { eq: municipalityId }, campaignCode: { eq: campaignCode } },
    pickResults,
  );
  const [rows, setRows] = useState<DiagnosticRow[]>([]);
  useEffect(
    () => setRows(toDiagnosticRows(teachers.nodes, results.nodes)),
    [teachers.nodes, results.nodes],
  );
  const writer = useMemo(() => writerOf(me), [me]);
  const canWrite = useCallback(
    (row: DiagnosticRow) =>
      canWriteTeacherRow(writer, municipalityId, { storedOrganizationId: row.organizationId }),
    [writer, municipalityId],
  );
  const readOnly = rows.length > 0 && !rows.some(canWrite);
  const columns = useMemo(
    () => buildDiagnosticColumns({ t, lang, areas, canWrite }),
    [t, lang, areas, canWrite],
  );
  const { reload: reloadTeachers } = teachers;
  const { reload: reloadResults } = results;
  const reload = useCallback(async () => {
    await Promise.all([reloadTeachers(), reloadResults()]);
  }, [reloadTeachers, reloadResults]);

  const save = useCallback(
    async (changes: SaveChange<DiagnosticRow>[]): Promise<SaveResult> => {
      const { inputs, origins } = toDiagnosticInputs(changes, campaignCode, areas);
      if (inputs.length === 0) {
        return { errors: [] };
      }
      const data = await gql<UpsertDiagnosticResultsData>(UPSERT_DIAGNOSTIC_RESULTS_MUTATION, {
        rows: inputs,
      });
      const result = data.upsertDiagnosticResults;
      if (!result.ok) {
        return { errors: toDiagnosticGridErrors(result.errors, origins) };
      }
      setRows((current) => applySavedDiagnostics(current, result.rows));
      return { errors: [] };
    },
    [campaignCode, areas],
  );

  const loading = teachers.loading || results.loading;
  const error = teachers.error ?? results.error;
  return (
    <>
      <GridNotices
        error={error}
        onRetry={() => void reload()}
        readOnly={readOnly}
        empty={!loading && !error && rows.length === 0}
        emptyTestId="diagnostics-empty"
        emptyText={t('tch.teachers.empty')}
      />
      <EditableGrid<DiagnosticRow>
        columns={columns}
        rows={rows}
        onSave={save}
        onReload={reload}
        loading={loading}
        readOnly={readOnly}
      />
    </>
  );
}
