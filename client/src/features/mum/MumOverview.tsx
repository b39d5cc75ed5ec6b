import { useT } from '../../i18n/I18nProvider';
import { scoreColor, textColorOn } from '../comparison/score.colors';
import { DemoBadge } from '../indicators/DemoBadge';
import type { MumIndex } from './mum.model';
import { cycleShare, MUM_COMPONENTS, municipalityTotal } from './mum.model';
import type { MumMatrixResult } from './mum.queries';

interface MumOverviewProps {
  matrix: MumMatrixResult;
  index: MumIndex;
  selected: string;
  onSelect: (municipalityId: string) => void;
}

/** Municipalities × directions, coloured by how much of the cycle is present. */
export function MumOverview({ matrix, index, selected, onSelect }: MumOverviewProps) {
  const t = useT();
  return (
    <div className="coverage-wrap">
      <table className="coverage mum-overview" data-testid="mum-overview">
        <thead>
          <tr>
            <th className="coverage-corner">{t('col.municipality')}</th>
            {matrix.directions.map((d) => (
              <th key={d.code} title={d.name}>
                <div className="coverage-code">{d.code}</div>
                <div className="coverage-name">{d.shortName}</div>
              </th>
            ))}
            <th>{t('ind.mum.total')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.municipalities.map((m) => {
            const total = municipalityTotal(matrix, m.id);
            return (
              <tr
                key={m.id}
                className={m.id === selected ? 'mum-selected' : undefined}
                data-testid={`mum-overview-row-${m.id}`}
              >
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(m.id)}>
                    {m.name}
                  </button>
                  {m.demo && <DemoBadge />}
                </th>
                {matrix.directions.map((d) => {
                  const summary = index.summary(m.id, d.code);
                  const count = summary?.presentCount ?? 0;
                  const background = scoreColor(cycleShare(count));
                  return (
                    <td
                      key={d.code}
                      style={{ background, color: textColorOn(background) }}
                      title={t('ind.mum.ofNine', { n: count, of: MUM_COMPONENTS })}
                      data-testid={`mum-overview-${m.id}-${d.code}`}
                    >
                      {count}
                    </td>
                  );
                })}
                <td className="ind-num">
                  {total.present} / {total.of}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
