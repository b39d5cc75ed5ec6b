import { useT } from '../../i18n/I18nProvider';
import type { MumIndex } from './mum.model';
import { MUM_COMPONENTS } from './mum.model';
import type { MumMatrixResult } from './mum.queries';

interface MumMatrixTableProps {
  matrix: MumMatrixResult;
  index: MumIndex;
  municipalityId: string;
}

/** One municipality: direction × cycle component, present or absent, with the evidence. */
export function MumMatrixTable({ matrix, index, municipalityId }: MumMatrixTableProps) {
  const t = useT();
  const componentName = (code: number) =>
    matrix.components.find((c) => c.code === code)?.name ?? String(code);
  return (
    <div className="coverage-wrap">
      <table className="coverage mum-matrix" data-testid="mum-matrix">
        <thead>
          <tr>
            <th className="coverage-corner">{t('ind.direction')}</th>
            {matrix.components.map((c) => (
              <th key={c.code} title={c.name}>
                <div className="coverage-code">{c.code}</div>
                <div className="coverage-name">{c.name}</div>
              </th>
            ))}
            <th>{t('ind.mum.present')}</th>
            <th>{t('ind.mum.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.directions.map((d) => {
            const summary = index.summary(municipalityId, d.code);
            return (
              <tr key={d.code} data-testid={`mum-row-${d.code}`}>
                <th scope="row" title={d.name}>
                  {d.code}. {d.shortName}
                </th>
                {matrix.components.map((c) => {
                  const cell = index.cell(municipalityId, d.code, c.code);
                  const present = cell?.present ?? false;
                  return (
                    <td
                      key={c.code}
                      className={present ? 'mum-present' : 'mum-absent'}
                      title={t('ind.mum.cellTitle', {
                        component: `${c.code}. ${c.name}`,
                        activities: cell?.activityCount ?? 0,
                        indicators: cell?.indicatorsWithValues ?? 0,
                      })}
                      data-testid={`mum-cell-${d.code}-${c.code}`}
                      data-present={present ? 'true' : 'false'}
                    >
                      {present ? '✓' : '✗'}
                    </td>
                  );
                })}
                <td className="ind-num" data-testid={`mum-count-${d.code}`}>
                  {t('ind.mum.ofNine', { n: summary?.presentCount ?? 0, of: MUM_COMPONENTS })}
                </td>
                <td
                  className="mum-missing"
                  title={summary?.missingComponents
                    .map((code) => `${code}. ${componentName(code)}`)
                    .join('\n')}
                  data-testid={`mum-missing-${d.code}`}
                >
                  {summary && summary.missingComponents.length > 0
                    ? summary.missingComponents.join(', ')
                    : t('ind.mum.complete')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
