import './olympiads.css';

import { Fragment, useCallback, useMemo, useState } from 'react';

import { API_PAGE_SIZE } from '../../api/paging';
import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { RegionSelect } from '../municipalities/RegionSelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { useDefaultRegion, useRegions } from '../municipalities/useRegions';
import type { PageProps } from '../teachers/useTeacherData';
import type { TalentBankData, TalentNode } from './analytics.queries';
import { TALENT_BANK_QUERY } from './analytics.queries';
import { SubjectSelect, YearSelect } from './OlympiadFilters';
import { pupilName, stageKey, statusKey } from './olympiadLabels';
import { useAcademicYearParam, useOlympiadSubjects } from './useOlympiadData';

/** «Банк талантов»: pupils with diplomas where they study now, and each one's history. */
export function TalentBankPage({ params, setParams }: PageProps) {
  const { t, lang } = useI18n();
  const { municipalities, loading, error } = useMunicipalities();
  const { regions, error: regionsError } = useRegions();
  const { year, years, loading: yearLoading } = useAcademicYearParam(params);
  const catalog = useOlympiadSubjects();
  const regionId = params.get('region') ?? '';
  const municipalityId = params.get('municipality') ?? '';
  const subject = params.get('subject') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const choose = useCallback(
    (next: Record<string, string>) =>
      setParams({ year, region: regionId, municipality: municipalityId, subject, ...next }),
    [setParams, year, regionId, municipalityId, subject],
  );
  const chooseRegion = useCallback((id: string) => choose({ region: id }), [choose]);
  useDefaultRegion(regionId, municipalities, chooseRegion);
  const inRegion = useMemo(
    () => municipalities.filter((m) => regionId === '' || m.region?.id === regionId),
    [municipalities, regionId],
  );
  const filter = {
    academicYear: year,
    ...(municipalityId ? { municipalityId } : regionId ? { regionId } : {}),
    ...(subject ? { subjectCode: subject } : {}),
  };
  const bank = useQuery<TalentBankData>(
    TALENT_BANK_QUERY,
    { filter, first: API_PAGE_SIZE, offset },
    yearLoading,
  );
  const pupils = bank.data?.talentBank.nodes ?? [];
  const total = bank.data?.talentBank.totalCount ?? 0;

  return (
    <section className="page" data-testid="oly-talent-page">
      <h2>{t('oly.talent.title')}</h2>
      <div className="filters">
        <YearSelect years={years} value={year} onChange={(y) => choose({ year: y })} />
        <RegionSelect
          regions={regions}
          value={regionId}
          onChange={(id) => choose({ region: id, municipality: '' })}
        />
        <MunicipalitySelect
          municipalities={inRegion}
          value={municipalityId}
          onChange={(id) => choose({ municipality: id })}
          emptyLabel={t('oly.funnel.wholeRegion')}
        />
        <SubjectSelect
          subjects={catalog.subjects}
          value={subject}
          onChange={(code) => choose({ subject: code })}
          allLabel={t('oly.filter.allSubjects')}
        />
        <span className="pager">
          <button
            type="button"
            onClick={() => choose({ offset: String(Math.max(0, offset - API_PAGE_SIZE)) })}
            disabled={offset === 0}
            aria-label={t('common.prevPage')}
          >
            ‹
          </button>
          <span className="muted" data-testid="talent-total">
            {t('common.range', {
              from: pupils.length === 0 ? 0 : offset + 1,
              to: offset + pupils.length,
              total: formatNumber(lang, total, 0),
            })}
          </span>
          <button
            type="button"
            onClick={() => choose({ offset: String(offset + API_PAGE_SIZE) })}
            disabled={offset + pupils.length >= total}
            aria-label={t('common.nextPage')}
          >
            ›
          </button>
        </span>
      </div>
      <p className="muted">{t('oly.talent.hint')}</p>
      <QueryStatus
        loading={loading || bank.loading}
        error={error ?? regionsError ?? catalog.error ?? bank.error}
        onRetry={() => void bank.refetch()}
      />
      {bank.data && pupils.length === 0 && (
        <p className="empty" data-testid="talent-empty">
          {t('oly.talent.empty')}
        </p>
      )}
      {pupils.length > 0 && <TalentTable pupils={pupils} />}
    </section>
  );
}

function TalentTable({ pupils }: { pupils: readonly TalentNode[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  return (
    <div className="coverage-wrap">
      <table className="coverage oly-table" data-testid="talent-table">
        <thead>
          <tr>
            <th>{t('oly.col.studentCode')}</th>
            <th>{t('oly.col.fullName')}</th>
            <th>{t('oly.talent.grade')}</th>
            <th>{t('oly.col.organization')}</th>
            <th>{t('roadmaps.municipality')}</th>
            <th>{t('oly.talent.diplomas')}</th>
            <th>{t('oly.talent.history')}</th>
          </tr>
        </thead>
        <tbody>
          {pupils.map((p) => (
            <Fragment key={p.id}>
              <tr data-testid="talent-row" data-code={p.code}>
                <td>{p.code}</td>
                <td
                  className={p.fullName === null ? 'oly-hidden' : undefined}
                  data-testid="talent-name"
                >
                  {pupilName(t, p.fullName)}
                </td>
                <td>{p.grade}</td>
                <td>{p.organization.shortName ?? p.organization.name}</td>
                <td>{p.municipality.shortName}</td>
                <td data-testid="talent-diplomas">{p.diplomas}</td>
                <td>
                  <button
                    type="button"
                    className="oly-cell-button"
                    aria-expanded={open.has(p.id)}
                    onClick={() => toggle(p.id)}
                    data-testid="talent-history-button"
                  >
                    {t('oly.talent.historyButton', { n: p.olympiadRecords.length })}
                  </button>
                </td>
              </tr>
              {open.has(p.id) && (
                <tr className="oly-history-row">
                  <td colSpan={7}>
                    <TalentHistory pupil={p} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TalentHistory({ pupil }: { pupil: TalentNode }) {
  const { t, lang } = useI18n();
  return (
    <table className="oly-history" data-testid="talent-history">
      <thead>
        <tr>
          <th>{t('oly.filter.year')}</th>
          <th>{t('oly.col.subject')}</th>
          <th>{t('oly.col.stage')}</th>
          <th>{t('oly.col.status')}</th>
          <th>{t('oly.col.score')}</th>
        </tr>
      </thead>
      <tbody>
        {pupil.olympiadRecords.map((r) => (
          <tr
            key={r.id}
            data-testid="talent-record"
            data-stage={r.stage}
            data-status={r.status}
            className={r.status !== 'PARTICIPANT' ? 'oly-diploma' : undefined}
          >
            <td>{r.academicYear}</td>
            <td>{r.subject.name}</td>
            <td>{t(stageKey(r.stage))}</td>
            <td>{t(statusKey(r.status))}</td>
            <td>
              {formatNumber(lang, r.score, 2)} / {formatNumber(lang, r.maxScore, 2)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
