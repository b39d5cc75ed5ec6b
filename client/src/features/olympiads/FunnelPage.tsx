import './olympiads.css';

import { useMemo } from 'react';

import { useQuery } from '../../api/useQuery';
import { EChart } from '../../components/charts/EChart';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { PageProps } from '../teachers/useTeacherData';
import type { FunnelRow, OlympiadFunnelData } from './analytics.queries';
import { OLYMPIAD_FUNNEL_QUERY } from './analytics.queries';
import type { PartChartLabels } from './funnel.model';
import {
  partChartHeight,
  partChartOption,
  percentText,
  stageChartOption,
  stageOf,
} from './funnel.model';
import { FunnelTable } from './FunnelTable';
import { SubjectSelect } from './OlympiadFilters';
import { ScopeFilters } from './OlympiadScope';
import { stageKey } from './olympiadLabels';
import { VSOSH } from './olympiads.queries';
import { useOlympiadSubjects } from './useOlympiadData';
import { useOlympiadScope } from './useOlympiadScope';

/** «Воронка»: participants stage by stage for a region (per municipality) or a municipality
 * (per school), or per subject; coverage of the school stage and the rates. */
export function FunnelPage({ params, setParams }: PageProps) {
  const { t } = useI18n();
  const subject = params.get('subject') ?? '';
  const bySubject = params.get('group') === 'subject';
  const olympiadScope = useOlympiadScope(
    { params, setParams },
    { subject, group: bySubject ? 'subject' : '' },
  );
  const { loading, error, regionsError, year, yearLoading, municipalityId, choose, scope } =
    olympiadScope;
  const catalog = useOlympiadSubjects();

  const input = scope && {
    ...scope,
    academicYear: year,
    olympiadCode: VSOSH,
    groupBy: bySubject ? 'SUBJECT' : 'UNIT',
    ...(subject ? { subjectCode: subject } : {}),
  };
  const funnel = useQuery<OlympiadFunnelData>(
    OLYMPIAD_FUNNEL_QUERY,
    { input },
    input === null || yearLoading,
  );
  const rows = funnel.data?.olympiadFunnel ?? [];
  const total = rows.find((r) => r.isTotal) ?? null;
  const empty =
    total !== null && total.stages.every((s) => s.participants === 0) && total.pupils4to11 === null;

  return (
    <section className="page" data-testid="oly-funnel-page">
      <h2>{t('oly.funnel.title')}</h2>
      <div className="filters">
        <ScopeFilters scope={olympiadScope} />
        <SubjectSelect
          subjects={catalog.subjects}
          value={subject}
          onChange={(code) => choose({ subject: code })}
          allLabel={t('oly.filter.allSubjects')}
        />
        <label className="field">
          <span>{t('oly.funnel.groupBy')}</span>
          <select
            value={bySubject ? 'subject' : ''}
            onChange={(e) => choose({ group: e.target.value })}
            data-testid="funnel-group-select"
          >
            <option value="">
              {municipalityId ? t('oly.funnel.bySchool') : t('oly.funnel.byMunicipality')}
            </option>
            <option value="subject">{t('oly.funnel.bySubject')}</option>
          </select>
        </label>
      </div>
      <p className="muted">{t('oly.funnel.hint')}</p>
      <QueryStatus
        loading={loading || funnel.loading}
        error={error ?? regionsError ?? catalog.error ?? funnel.error}
        onRetry={() => void funnel.refetch()}
      />
      {empty && (
        <p className="empty" data-testid="funnel-empty">
          {t('oly.funnel.empty', { year })}
        </p>
      )}
      {total && !empty && <FunnelCharts total={total} rows={rows} bySubject={bySubject} />}
      {rows.length > 0 && !empty && <FunnelTable rows={rows} bySubject={bySubject} />}
    </section>
  );
}

function FunnelCharts({
  total,
  rows,
  bySubject,
}: {
  total: FunnelRow;
  rows: readonly FunnelRow[];
  bySubject: boolean;
}) {
  const { t, lang } = useI18n();
  const parts = useMemo(() => rows.filter((r) => !r.isTotal), [rows]);
  const stages = useMemo(
    () =>
      stageChartOption(total, lang, {
        stage: (s) => t(stageKey(s)),
        participants: t('oly.funnel.participants'),
        diplomas: t('oly.funnel.diplomas'),
      }),
    [total, lang, t],
  );
  // Subjects share the scope's pupils (one coverage): they are compared by school-stage entries.
  const partLabels: PartChartLabels = useMemo(
    () =>
      bySubject
        ? {
            value: (row) => stageOf(row, 'SCHOOL')?.participants ?? 0,
            text: (v) => formatNumber(lang, v, 0),
            reference: null,
          }
        : {
            value: (row) => row.coverage,
            text: (v) => percentText(lang, v),
            reference:
              total.coverage === null ? null : { name: total.unitName, value: total.coverage },
          },
    [bySubject, lang, total],
  );
  const partOption = useMemo(() => partChartOption(parts, partLabels), [parts, partLabels]);
  const partCount = parts.filter((row) => partLabels.value(row) !== null).length;
  return (
    <div className="oly-charts">
      <div className="oly-chart">
        <h3>{t('oly.funnel.stageChart', { unit: total.unitName })}</h3>
        <EChart
          option={stages}
          height={200}
          testId="funnel-stage-chart"
          label={t('oly.funnel.stageChart', { unit: total.unitName })}
        />
      </div>
      {partCount > 0 && (
        <div className="oly-chart">
          <h3>{bySubject ? t('oly.funnel.subjectChart') : t('oly.funnel.coverageChart')}</h3>
          <EChart
            option={partOption}
            height={partChartHeight(partCount)}
            testId="funnel-part-chart"
            label={bySubject ? t('oly.funnel.subjectChart') : t('oly.funnel.coverageChart')}
          />
        </div>
      )}
    </div>
  );
}
