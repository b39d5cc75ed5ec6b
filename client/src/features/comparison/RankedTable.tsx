import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { DemoBadge } from '../indicators/DemoBadge';
import { formatValue, unitLabel } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { ChangeCell } from './ChangeCell';
import type { ComparisonRow, ComparisonSummary } from './comparison.queries';
import { scoreColor, textColorOn } from './score.colors';

interface RankedTableProps {
  indicator: IndicatorNode;
  rows: readonly ComparisonRow[];
  summary: ComparisonSummary | null;
  unitKind: 'MUNICIPALITY' | 'ORGANIZATION';
  parentName: string;
}

export function RankedTable({ indicator, rows, summary, unitKind, parentName }: RankedTableProps) {
  const { t, lang } = useI18n();
  const value = (v: number | null | undefined) => formatValue(lang, indicator.unit, v);
  const ratio = indicator.denominatorDefinition !== null;
  return (
    <div className="ind-table-wrap">
      <table className="ind-table" data-testid="ranked-table">
        <thead>
          <tr>
            <th>{t('ind.col.rank')}</th>
            <th>
              {unitKind === 'ORGANIZATION' ? t('ind.col.organization') : t('ind.col.municipality')}
            </th>
            <th>
              {t('ind.col.value')}, {unitLabel(t, indicator.unit)}
            </th>
            {ratio && <th title={indicator.numeratorDefinition}>{t('ind.col.numerator')}</th>}
            {ratio && (
              <th title={indicator.denominatorDefinition ?? ''}>{t('ind.col.denominator')}</th>
            )}
            <th title={t('ind.compare.scoreHint')}>{t('ind.col.score')}</th>
            <th title={t('ind.compare.zHint')}>{t('ind.col.zScore')}</th>
            <th>{t('ind.col.change')}</th>
            <th>
              {t('ind.col.target')}
              {indicator.target !== null ? ` (${value(indicator.target)})` : ''}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId} data-testid="ranked-row" data-unit={row.unitId}>
              <td className="ind-num" data-testid="rank">
                {row.rank ?? '—'}
              </td>
              <td data-testid="unit-name">
                {row.unitName}
                {row.demo && <DemoBadge />}
              </td>
              <td className="ind-num" data-testid="value">
                {row.value === null ? (
                  <span className="muted">{t('ind.noData')}</span>
                ) : (
                  value(row.value)
                )}
              </td>
              {ratio && <td className="ind-num">{formatNumber(lang, row.numerator, 4)}</td>}
              {ratio && <td className="ind-num">{formatNumber(lang, row.denominator, 4)}</td>}
              <td className="ind-num">
                {row.score !== null && (
                  <span
                    className="ind-score"
                    style={{
                      background: scoreColor(row.score),
                      color: textColorOn(scoreColor(row.score)),
                    }}
                  >
                    {formatNumber(lang, row.score, 0)}
                  </span>
                )}
              </td>
              <td className="ind-num">{formatNumber(lang, row.zScore, 2)}</td>
              <td className="ind-num">
                <ChangeCell row={row} indicator={indicator} />
              </td>
              <td className="ind-target">
                {row.targetMet === null ? (
                  <span className="muted">—</span>
                ) : row.targetMet ? (
                  <span className="ind-target-met">✓ {t('ind.yes')}</span>
                ) : (
                  <span className="ind-target-missed">✗ {t('ind.no')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {summary && (
          <tfoot>
            <tr data-testid="summary-row">
              <td />
              <th scope="row">{parentName}</th>
              <td className="ind-num" data-testid="parent-value">
                {value(summary.parentValue)}
              </td>
              {ratio && (
                <td className="ind-num">{formatNumber(lang, summary.parentNumerator, 4)}</td>
              )}
              {ratio && (
                <td className="ind-num">{formatNumber(lang, summary.parentDenominator, 4)}</td>
              )}
              <td colSpan={4} className="muted" data-testid="summary-stats">
                {t('ind.compare.stats', {
                  mean: value(summary.mean),
                  median: value(summary.median),
                  sd: value(summary.standardDeviation),
                  n: summary.count,
                  total: rows.length,
                })}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
