import { useMemo } from 'react';

import { useT } from '../../i18n/I18nProvider';
import type { PeriodKind } from './indicators.queries';
import { newestFirst, periodLabel, recentPeriods } from './periods';

interface PeriodSelectProps {
  value: string;
  onChange: (period: string) => void;
  /** Kinds of the indicators on the page: recent periods of each are offered. */
  kinds: readonly PeriodKind[];
  /** Periods holding data: offered too, and marked. */
  withData: readonly string[];
  testId?: string;
  /** Defaults to «Период». */
  label?: string;
}

const RECENT: Record<PeriodKind, number> = { ACADEMIC_YEAR: 6, YEAR: 6, QUARTER: 8 };

export function PeriodSelect(props: PeriodSelectProps) {
  const { value, onChange, kinds, withData, testId, label } = props;
  const t = useT();
  const options = useMemo(() => {
    const today = new Date();
    const recent = kinds.flatMap((kind) => recentPeriods(kind, today, RECENT[kind]));
    return newestFirst([...withData, ...recent, ...(value ? [value] : [])]);
  }, [kinds, withData, value]);
  const hasData = new Set(withData);
  return (
    <label className="field">
      <span>{label ?? t('ind.period')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId ?? 'period-select'}
      >
        {value === '' && <option value="">{t('common.notSelected')}</option>}
        {options.map((p) => (
          <option key={p} value={p}>
            {periodLabel(t, p)}
            {hasData.has(p) ? ` · ${t('ind.period.hasData')}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
