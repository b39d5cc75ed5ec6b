import { useEffect, useState } from 'react';

import { confirmDiscard } from '../../components/editable-grid';
import { useT } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { useMunicipalities } from '../municipalities/useMunicipalities';
import { OccurrencesGrid } from './OccurrencesGrid';
import type { OccurrenceFilters } from './occurrenceRow';
import { EMPTY_FILTERS, toOccurrenceFilter } from './occurrenceRow';
import type { OccurrenceStatus } from './occurrences.queries';
import { OCCURRENCE_STATUSES } from './occurrences.queries';

const SEARCH_DELAY_MS = 400;

export function OccurrencesPage() {
  const t = useT();
  const { municipalities } = useMunicipalities();
  const [filters, setFilters] = useState<OccurrenceFilters>(EMPTY_FILTERS);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);

  const update = (patch: Partial<OccurrenceFilters>) => {
    // New filters reload the grid: ask before dropping unsaved edits.
    if (confirmDiscard(t('grid.leaveWarning'))) {
      setFilters((f) => ({ ...f, ...patch }));
      setOffset(0);
      return true;
    }
    return false;
  };

  useEffect(() => {
    if (search === filters.text) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      if (!update({ text: search })) {
        setSearch(filters.text);
      }
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filters.text]); // update() only reads setters and the live confirm

  return (
    <section className="page" data-testid="occurrences-page">
      <div className="filters">
        <MunicipalitySelect
          municipalities={municipalities}
          value={filters.municipalityId}
          onChange={(id) => update({ municipalityId: id })}
          emptyLabel={t('occ.allMunicipalities')}
        />
        <label className="field">
          <span>{t('occ.status')}</span>
          <select
            value={filters.status}
            onChange={(e) => update({ status: e.target.value as OccurrenceStatus | '' })}
            data-testid="status-filter"
          >
            <option value="">{t('occ.allStatuses')}</option>
            {OCCURRENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(e) => update({ overdueOnly: e.target.checked })}
            data-testid="overdue-filter"
          />
          <span>{t('occ.onlyOverdue')}</span>
        </label>
        <label className="field">
          <span>{t('occ.dueFrom')}</span>
          <input
            type="date"
            value={filters.dueFrom}
            onChange={(e) => update({ dueFrom: e.target.value })}
            data-testid="due-from"
          />
        </label>
        <label className="field">
          <span>{t('occ.dueTo')}</span>
          <input
            type="date"
            value={filters.dueTo}
            onChange={(e) => update({ dueTo: e.target.value })}
            data-testid="due-to"
          />
        </label>
        <label className="field field-grow">
          <span>{t('occ.search')}</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !update({ text: search })) {
                setSearch(filters.text);
              }
            }}
            data-testid="text-filter"
          />
        </label>
        <button
          type="button"
          onClick={() => {
            if (update(EMPTY_FILTERS)) {
              setSearch('');
            }
          }}
        >
          {t('common.reset')}
        </button>
      </div>
      <OccurrencesGrid
        key={`${JSON.stringify(toOccurrenceFilter(filters))}@${offset}`}
        filters={filters}
        offset={offset}
        onOffset={(next) => confirmDiscard(t('grid.leaveWarning')) && setOffset(next)}
      />
    </section>
  );
}
