// The pickers of the scope and the table frame the olympiad analytics pages share.
import type { ReactNode } from 'react';

import { useI18n } from '../../i18n/I18nProvider';
import { MunicipalitySelect } from '../municipalities/MunicipalitySelect';
import { RegionSelect } from '../municipalities/RegionSelect';
import { YearSelect } from './OlympiadFilters';
import type { OlympiadScope } from './useOlympiadScope';

/** The year, the region and the municipality (or the whole region) of the page. */
export function ScopeFilters({ scope }: { scope: OlympiadScope }) {
  const { t } = useI18n();
  const { choose } = scope;
  return (
    <>
      <YearSelect years={scope.years} value={scope.year} onChange={(y) => choose({ year: y })} />
      <RegionSelect
        regions={scope.regions}
        value={scope.regionId}
        onChange={(id) => choose({ region: id, municipality: '' })}
      />
      <MunicipalitySelect
        municipalities={scope.inRegion}
        value={scope.municipalityId}
        onChange={(id) => choose({ municipality: id })}
        emptyLabel={t('oly.funnel.wholeRegion')}
      />
    </>
  );
}

/** A scrolling table with one header row. */
export function OlyTable(props: {
  testId: string;
  headers: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="coverage-wrap">
      <table className="coverage oly-table" data-testid={props.testId}>
        <thead>
          <tr>
            {props.headers.map((header, i) => (
              <th key={i}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
