import './olympiads.css';

import { Fragment, useState } from 'react';

import { API_PAGE_SIZE } from '../../api/paging';
import { useQuery } from '../../api/useQuery';
import { QueryStatus } from '../../components/QueryStatus';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { PageProps } from '../teachers/useTeacherData';
import type { TalentBankData, TalentNode } from './analytics.queries';
import { TALENT_BANK_QUERY } from './analytics.queries';
import { SubjectSelect } from './OlympiadFilters';
import { OlyTable, ScopeFilters } from './OlympiadScope';
import { pupilName, stageKey, statusKey } from './olympiadLabels';
import { useOlympiadSubjects } from './useOlympiadData';
import { useOlympiadScope } from './useOlympiadScope';

/** «Банк талантов»: pupils with diplomas where they study now, and each one's history. */
export function TalentBankPage({ params, setParams }: PageProps) {
  const { t, lang } = useI18n();
  const subject = params.get('subject') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const olympiadScope = useOlympiadScope({ params, setParams }, { subject });
  const { loading, error, regionsError, year, yearLoading, choose, scope } = olympiadScope;
  const catalog = useOlympiadSubjects();
  const filter = {
    academicYear: year,
    ...(scope ?? {}),
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
        <ScopeFilters scope={olympiadScope} />
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
    <OlyTable
      testId="talent-table"
      headers={[
        t('oly.col.studentCode'),
        t('oly.col.fullName'),
        t('oly.talent.grade'),
        t('oly.col.organization'),
        t('roadmaps.municipality'),
        t('oly.talent.diplomas'),
        t('oly.talent.history'),
      ]}
    >
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
    </OlyTable>
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
