import { useI18n } from '../../i18n/I18nProvider';
import { formatValue } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { changeMark } from './change';
import type { ComparisonRow } from './comparison.queries';

export function ChangeCell({ row, indicator }: { row: ComparisonRow; indicator: IndicatorNode }) {
  const { t, lang } = useI18n();
  const mark = changeMark(row.change, indicator.polarity);
  if (!mark) {
    return <span className="muted">—</span>;
  }
  const sign = row.change! > 0 ? '+' : '';
  return (
    <span
      className={`ind-change ind-change-${mark.tone}`}
      title={t('ind.compare.previous', {
        value: formatValue(lang, indicator.unit, row.previousValue),
      })}
      data-tone={mark.tone}
    >
      <span aria-hidden="true">{mark.arrow}</span> {sign}
      {formatValue(lang, indicator.unit, row.change)}
    </span>
  );
}
