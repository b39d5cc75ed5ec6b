// The funnel's table: a row per unit (the scope first), coverage and its change, and per stage
// the participants, the pass-through to the next stage, winners and prize-winners, the rate per
// 1,000 pupils and the unit's contribution to the scope's diplomas.
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { FunnelRow, StageFigures } from './analytics.queries';
import { changeText, diplomasOf, percentText, stageOf } from './funnel.model';
import { stageKey } from './olympiadLabels';
import type { OlympiadStage } from './olympiads.queries';
import { STAGES } from './olympiads.queries';

type StageMetric = {
  key: 'participants' | 'passThrough' | 'diplomas' | 'per1000' | 'contribution';
  show: (f: StageFigures | undefined, lang: Lang, t: Translate) => string;
  title?: (f: StageFigures | undefined, lang: Lang, t: Translate) => string | undefined;
};

const STAGE_METRICS: readonly StageMetric[] = [
  {
    key: 'participants',
    show: (f, lang) => formatNumber(lang, f?.participants ?? 0, 0),
    title: (f, lang, t) =>
      f
        ? t('oly.funnel.participantsHint', {
            entries: formatNumber(lang, f.entries, 0),
            before: formatNumber(lang, f.previousParticipants, 0),
            change: changeText(lang, f.participantsChange, '%'),
          })
        : undefined,
  },
  { key: 'passThrough', show: (f, lang) => percentText(lang, f?.passThrough) },
  {
    key: 'diplomas',
    show: (f, lang) =>
      `${formatNumber(lang, diplomasOf(f), 0)} (${formatNumber(lang, f?.winners ?? 0, 0)} + ${formatNumber(lang, f?.prizeWinners ?? 0, 0)})`,
    title: (f, lang, t) =>
      f ? t('oly.funnel.diplomasHint', { share: percentText(lang, f.diplomaShare) }) : undefined,
  },
  {
    key: 'per1000',
    show: (f, lang) =>
      f?.diplomasPer1000 === null || f?.diplomasPer1000 === undefined
        ? '—'
        : formatNumber(lang, f.diplomasPer1000, 1),
  },
  { key: 'contribution', show: (f, lang) => percentText(lang, f?.contributionShare) },
];

// The final stage has no next one: no pass-through column.
const metricsOf = (stage: OlympiadStage) =>
  stage === 'FINAL' ? STAGE_METRICS.filter((m) => m.key !== 'passThrough') : STAGE_METRICS;

export function FunnelTable({
  rows,
  bySubject,
}: {
  rows: readonly FunnelRow[];
  bySubject: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="coverage-wrap">
      <table className="coverage oly-funnel-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th rowSpan={2}>{bySubject ? t('oly.funnel.subject') : t('oly.funnel.unit')}</th>
            <th rowSpan={2} title={t('oly.funnel.pupilsHint')}>
              {t('oly.funnel.pupils')}
            </th>
            <th rowSpan={2} title={t('oly.funnel.coverageHint')}>
              {t('oly.funnel.coverage')}
            </th>
            <th rowSpan={2} title={t('oly.funnel.coverageChangeHint')}>
              {t('oly.funnel.coverageChange')}
            </th>
            {STAGES.map((stage) => (
              <th key={stage} colSpan={metricsOf(stage).length} className="oly-stage-head">
                {t(stageKey(stage))}
              </th>
            ))}
          </tr>
          <tr>
            {STAGES.flatMap((stage) =>
              metricsOf(stage).map((m) => (
                <th key={`${stage}-${m.key}`} title={t(`oly.funnelHint.${m.key}`)}>
                  {t(`oly.funnel.${m.key}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.unitKind}-${row.unitId}`}
              className={row.isTotal ? 'oly-total' : undefined}
              data-testid="funnel-row"
              data-unit={row.unitId}
              data-kind={row.unitKind}
            >
              <th>{row.unitName}</th>
              <td data-metric="pupils">
                {row.pupils4to11 === null ? '—' : formatNumber(lang, row.pupils4to11, 0)}
              </td>
              <td data-metric="coverage">{percentText(lang, row.coverage)}</td>
              <td
                data-metric="coverageChange"
                className={
                  row.coverageChange === null
                    ? undefined
                    : row.coverageChange > 0
                      ? 'oly-better'
                      : row.coverageChange < 0
                        ? 'oly-worse'
                        : undefined
                }
                title={t('oly.funnel.previousCoverage', {
                  value: percentText(lang, row.previousCoverage),
                })}
              >
                {changeText(lang, row.coverageChange, t('oly.funnel.pp'))}
              </td>
              {STAGES.flatMap((stage) => {
                const figures = stageOf(row, stage);
                return metricsOf(stage).map((m) => (
                  <td
                    key={`${stage}-${m.key}`}
                    data-stage={stage}
                    data-metric={m.key}
                    title={m.title?.(figures, lang, t)}
                  >
                    {m.show(figures, lang, t)}
                  </td>
                ));
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
