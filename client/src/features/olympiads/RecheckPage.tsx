import './olympiads.css';

import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { PageProps } from '../teachers/useTeacherData';
import type {
  AnomalousSchoolNode,
  OlympiadRecheckData,
  OutlierWorkNode,
} from './analytics.queries';
import { OLYMPIAD_RECHECK_QUERY } from './analytics.queries';
import { StageSelect } from './OlympiadFilters';
import { OlyTable, ScopeFilters } from './OlympiadScope';
import { pupilName, stageKey } from './olympiadLabels';
import type { OlympiadStage } from './olympiads.queries';
import { STAGES, VSOSH } from './olympiads.queries';
import {
  schoolConfirmation,
  schoolEvidence,
  thresholdsText,
  workEvidence,
  workNextStage,
} from './recheck.model';
import { useOlympiadScope } from './useOlympiadScope';

/** «Перепроверка»: papers far from their group and schools with too many diplomas, with the
 * evidence, for a region or a municipality. */
export function RecheckPage({ params, setParams }: PageProps) {
  const { t, lang } = useI18n();
  const stageValue = params.get('stage') ?? '';
  const stage = (STAGES as readonly string[]).includes(stageValue)
    ? (stageValue as OlympiadStage)
    : '';
  const olympiadScope = useOlympiadScope({ params, setParams }, { stage });
  const { loading, error, regionsError, year, yearLoading, choose, scope } = olympiadScope;
  const input = scope && {
    ...scope,
    academicYear: year,
    olympiadCode: VSOSH,
    ...(stage ? { stages: [stage] } : {}),
  };
  const recheck = useQuery<OlympiadRecheckData>(
    OLYMPIAD_RECHECK_QUERY,
    { input },
    input === null || yearLoading,
  );
  const result = recheck.data?.olympiadRecheck ?? null;

  return (
    <section className="page" data-testid="oly-recheck-page">
      <h2>{t('oly.recheck.title')}</h2>
      <div className="filters">
        <ScopeFilters scope={olympiadScope} />
        <StageSelect
          value={stage}
          onChange={(s) => choose({ stage: s })}
          allLabel={t('oly.filter.allStages')}
        />
      </div>
      <p className="muted">{t('oly.recheck.hint')}</p>
      {result && (
        <p className="muted" data-testid="recheck-thresholds">
          {thresholdsText(t, lang, result.thresholds)}
        </p>
      )}
      <QueryStatus
        loading={loading || recheck.loading}
        error={error ?? regionsError ?? recheck.error}
        onRetry={() => void recheck.refetch()}
      />
      {result && (
        <>
          <h3 className="oly-subtitle">{t('oly.recheck.works', { n: result.works.length })}</h3>
          {result.works.length === 0 ? (
            <p className="empty" data-testid="recheck-works-empty">
              {t('oly.recheck.noWorks')}
            </p>
          ) : (
            <WorksTable works={result.works} />
          )}
          <h3 className="oly-subtitle">{t('oly.recheck.schools', { n: result.schools.length })}</h3>
          {result.schools.length === 0 ? (
            <p className="empty" data-testid="recheck-schools-empty">
              {t('oly.recheck.noSchools')}
            </p>
          ) : (
            <SchoolsTable schools={result.schools} />
          )}
        </>
      )}
    </section>
  );
}

function WorksTable({ works }: { works: readonly OutlierWorkNode[] }) {
  const { t, lang } = useI18n();
  return (
    <OlyTable
      testId="recheck-works"
      headers={[
        t('oly.col.studentCode'),
        t('oly.col.fullName'),
        t('oly.col.organization'),
        t('oly.col.subject'),
        t('oly.col.stage'),
        t('oly.col.gradePerformed'),
        t('oly.col.score'),
        t('oly.recheck.direction'),
        t('oly.recheck.evidence'),
        t('oly.recheck.nextStageCol'),
      ]}
    >
      {works.map((w) => (
        <tr key={w.record.id} data-testid="recheck-work" data-record={w.record.id}>
          <td>{w.record.student.code}</td>
          <td className={w.record.student.fullName === null ? 'oly-hidden' : undefined}>
            {pupilName(t, w.record.student.fullName)}
          </td>
          <td>{w.organization.shortName ?? w.organization.name}</td>
          <td>{w.subject.name}</td>
          <td>{t(stageKey(w.stage))}</td>
          <td>{w.gradePerformed}</td>
          <td>
            {formatNumber(lang, w.record.score, 2)} / {formatNumber(lang, w.record.maxScore, 2)}
          </td>
          <td className={w.direction === 'HIGH' ? 'oly-worse' : 'oly-low'}>
            {t(w.direction === 'HIGH' ? 'oly.recheck.high' : 'oly.recheck.low')}
          </td>
          <td data-testid="recheck-evidence">{workEvidence(t, lang, w)}</td>
          <td>{workNextStage(t, lang, w)}</td>
        </tr>
      ))}
    </OlyTable>
  );
}

function SchoolsTable({ schools }: { schools: readonly AnomalousSchoolNode[] }) {
  const { t, lang } = useI18n();
  return (
    <OlyTable
      testId="recheck-schools"
      headers={[
        t('oly.col.organization'),
        t('roadmaps.municipality'),
        t('oly.col.stage'),
        t('oly.recheck.evidence'),
        t('oly.recheck.confirmationCol'),
      ]}
    >
      {schools.map((s) => (
        <tr
          key={`${s.organization.id}-${s.stage}`}
          data-testid="recheck-school"
          data-organization={s.organization.id}
        >
          <td>{s.organization.shortName ?? s.organization.name}</td>
          <td>{s.municipality.shortName}</td>
          <td>{t(stageKey(s.stage))}</td>
          <td data-testid="recheck-evidence">{schoolEvidence(t, lang, s)}</td>
          <td>{schoolConfirmation(t, lang, s)}</td>
        </tr>
      ))}
    </OlyTable>
  );
}
