import { useMemo, useState } from 'react';

import { useI18n } from '../../i18n/I18nProvider';
import { groupByDirection, indicatorName } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { MAX_INDICATORS_PER_REQUEST } from '../indicators/usePeriodsWithData';

interface IndicatorPickerProps {
  indicators: readonly IndicatorNode[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  /** Indicators that cannot be compared in the current scope (e.g. municipal ones by school). */
  isDisabled: (indicator: IndicatorNode) => boolean;
}

/** The catalogue as checkboxes grouped by direction, with a search box. */
export function IndicatorPicker({
  indicators,
  selected,
  onChange,
  isDisabled,
}: IndicatorPickerProps) {
  const { t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matching = needle
      ? indicators.filter((i) =>
          `${i.code} ${indicatorName(lang, i)}`.toLowerCase().includes(needle),
        )
      : indicators;
    return groupByDirection(matching);
  }, [indicators, search, lang]);
  const chosen = new Set(selected);
  const full = selected.length >= MAX_INDICATORS_PER_REQUEST;

  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((c) => c !== code));

  return (
    <div className="ind-picker" data-testid="indicator-picker">
      <div className="ind-picker-head">
        <strong>{t('ind.compare.indicators')}</strong>
        <span className="muted">
          {t('ind.compare.selected', { n: selected.length, max: MAX_INDICATORS_PER_REQUEST })}
        </span>
        <input
          type="search"
          value={search}
          placeholder={t('ind.compare.search')}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={t('ind.compare.search')}
          data-testid="indicator-search"
        />
        {selected.length > 0 && (
          <button type="button" onClick={() => onChange([])} data-testid="indicator-clear">
            {t('common.reset')}
          </button>
        )}
      </div>
      <div className="ind-picker-list">
        {groups.map((group) => (
          <fieldset key={group.direction.code} className="ind-picker-group">
            <legend>
              {group.direction.code}. {group.direction.shortName}
            </legend>
            {group.indicators.map((indicator) => {
              const disabled = isDisabled(indicator) || (full && !chosen.has(indicator.code));
              return (
                <label
                  key={indicator.code}
                  className={disabled ? 'ind-pick ind-pick-disabled' : 'ind-pick'}
                  title={indicator.description}
                >
                  <input
                    type="checkbox"
                    checked={chosen.has(indicator.code)}
                    disabled={disabled && !chosen.has(indicator.code)}
                    onChange={(e) => toggle(indicator.code, e.target.checked)}
                    data-testid={`pick-${indicator.code}`}
                  />
                  <span className="ind-pick-code">{indicator.code}</span>
                  <span>{indicatorName(lang, indicator)}</span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
    </div>
  );
}
