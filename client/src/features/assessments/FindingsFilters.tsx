import { useI18n } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import type { MunicipalityNode } from '../municipalities/municipalities.queries';
import type { FindingsSelection, KindFilter } from './findingsParams';
import { findingsParams } from './findingsParams';

interface FindingsFiltersProps<K extends string> {
  filter: KindFilter<K>;
  /** The page's selection, its default year included. */
  selection: FindingsSelection<K>;
  years: readonly number[];
  municipalities: readonly MunicipalityNode[];
  setParams: (params: Record<string, string>) => void;
}

/** The filter bar of a findings page: year, municipality (or all) and kind (or all). */
export function FindingsFilters<K extends string>({
  filter,
  selection,
  years,
  municipalities,
  setParams,
}: FindingsFiltersProps<K>) {
  const { t } = useI18n();
  const { year, municipalityId, kind } = selection;
  const choose = (next: Record<string, string>) =>
    setParams({ ...findingsParams(filter, selection), ...next });
  return (
    <div className="filters">
      <label className="field">
        <span>{t('asm.year')}</span>
        <select
          value={year ?? ''}
          onChange={(e) => choose({ year: e.target.value })}
          data-testid={filter.yearTestId}
        >
          {year === null && <option value="">{t('common.notSelected')}</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <MunicipalitySelect
        municipalities={municipalities}
        value={municipalityId}
        onChange={(id) => choose({ municipality: id })}
        emptyLabel={t('asm.allMunicipalities')}
      />
      <label className="field">
        <span>{t(filter.label)}</span>
        <select
          value={kind}
          onChange={(e) => choose({ [filter.param]: e.target.value })}
          data-testid={filter.kindTestId}
        >
          <option value="">{t(filter.allLabel)}</option>
          {filter.kinds.map((k) => (
            <option key={k} value={k}>
              {t(filter.kindLabel(k))}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
