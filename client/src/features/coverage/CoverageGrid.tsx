import { useState } from 'react';

import { QueryStatus } from '../../components/QueryStatus';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { cellKey, formatRate, rateColor } from './coverage.colors';
import { useCoverageRows } from './useCoverageRows';

// A plain table: the matrix is small (municipalities × ~12 directions) and read-only.
export function CoverageGrid() {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState('');
  const { coverage, cells, loading, error, refetch } = useCoverageRows(asOf);

  return (
    <section className="page" data-testid="coverage-page">
      <h2>{t('coverage.title')}</h2>
      <div className="filters">
        <label className="field">
          <span>{t('coverage.asOf')}</span>
          <input
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            data-testid="coverage-as-of"
          />
        </label>
        {coverage && <span className="muted">{formatDate(lang, coverage.asOf)}</span>}
        <span className="muted">{t('coverage.legend')}</span>
      </div>
      <QueryStatus loading={loading} error={error} onRetry={() => void refetch()} />
      {coverage && coverage.municipalities.length === 0 && (
        <p className="empty">{t('coverage.empty')}</p>
      )}
      {coverage && coverage.municipalities.length > 0 && (
        <div className="coverage-wrap">
          <table className="coverage" data-testid="coverage-table">
            <thead>
              <tr>
                <th className="coverage-corner">{t('col.municipality')}</th>
                {coverage.directions.map((d) => (
                  <th key={d.code} title={d.name} data-direction={d.code}>
                    <div className="coverage-code">{d.code}</div>
                    <div className="coverage-name">{d.shortName}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage.municipalities.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  {coverage.directions.map((d) => {
                    const cell = cells.get(cellKey(m.id, d.code));
                    const rate = cell?.executionRate ?? null;
                    return (
                      <td
                        key={d.code}
                        style={{
                          background: cell && cell.activityCount > 0 ? rateColor(rate) : undefined,
                        }}
                        title={
                          cell
                            ? t('coverage.cellTitle', {
                                activities: cell.activityCount,
                                due: cell.dueCount,
                                done: cell.doneCount,
                              })
                            : undefined
                        }
                        data-testid={`coverage-cell-${m.id}-${d.code}`}
                      >
                        {cell && cell.activityCount > 0 ? (
                          <>
                            <span className="coverage-count">{cell.activityCount}</span>
                            <span className="coverage-rate">
                              {rate === null ? t('coverage.noDue') : formatRate(rate)}
                            </span>
                          </>
                        ) : (
                          <span className="coverage-none">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
