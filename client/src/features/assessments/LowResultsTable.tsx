import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { DemoBadge } from '../indicators/DemoBadge';
import { lowResultHintKey, lowResultKey } from './assessmentLabels';
import type { MunicipalityStatuses, YearStatuses } from './lowResults.model';
import { municipalityName, schoolName } from './objectivity.model';

/** One municipality's schools of the year: statuses with rule and evidence, and their years. */
export function LowResultsTable({ group }: { group: MunicipalityStatuses }) {
  const { t, lang } = useI18n();
  return (
    <section
      className="asm-municipality"
      data-testid="low-municipality"
      data-municipality={group.municipality.id}
    >
      <h3>{municipalityName(group.municipality)}</h3>
      <table className="asm-table">
        <thead>
          <tr>
            <th>{t('asm.col.organization')}</th>
            <th>{t('asm.low.statusAndEvidence')}</th>
            <th>{t('asm.low.history')}</th>
          </tr>
        </thead>
        <tbody>
          {group.schools.map((school) => (
            <tr
              key={school.organization.id}
              data-testid="low-result-school"
              data-organization={school.organization.id}
            >
              <td className="asm-school-cell">
                <span data-testid="school-name">{schoolName(school.organization)}</span>
                {school.organization.demo && <DemoBadge />}
              </td>
              <td>
                {school.statuses.map((status) => (
                  <div
                    key={status.id}
                    className="asm-status"
                    data-testid="low-status"
                    data-kind={status.kind}
                  >
                    <span
                      className={`badge asm-low asm-low-${status.kind}`}
                      title={t(lowResultHintKey(status.kind))}
                    >
                      {t(lowResultKey(status.kind))}
                    </span>{' '}
                    <span className="muted" data-testid="low-rule">
                      {t('asm.low.rule', { rule: status.rule })}
                      {status.metric !== null &&
                        ` · ${t('asm.low.metric', {
                          metric: formatNumber(lang, status.metric, 2),
                          threshold: formatNumber(lang, status.threshold, 2) || '—',
                        })}`}
                    </span>
                    <p className="asm-evidence" data-testid="low-evidence">
                      {status.evidence}
                    </p>
                  </div>
                ))}
              </td>
              <td>
                <HistoryChips history={school.history} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HistoryChips({ history }: { history: readonly YearStatuses[] }) {
  const { t } = useI18n();
  return (
    <span className="asm-chips" data-testid="low-history">
      {history.map(({ year, kinds }) => {
        const labels = kinds.map((k) => t(lowResultKey(k)));
        return (
          <span
            key={year}
            className={`asm-chip${kinds.length === 0 ? ' asm-chip-none' : ''}`}
            data-testid="history-chip"
            data-year={year}
            title={labels.length > 0 ? labels.join(', ') : t('asm.low.noStatus')}
          >
            <b>{year}</b>{' '}
            {kinds.length === 0
              ? '—'
              : kinds.map((k) => (
                  <span key={k} className={`asm-chip-kind asm-low-${k}`}>
                    {t(`asm.low.short.${k}`)}
                  </span>
                ))}
          </span>
        );
      })}
    </span>
  );
}
