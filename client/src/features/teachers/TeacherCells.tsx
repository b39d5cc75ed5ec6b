// Small cell renderers of the teacher grids: badges, chips, buttons opening side panels.
import type { CustomCellRendererProps } from 'ag-grid-react';

import { useT } from '../../i18n/I18nProvider';
import { areaKey, areaListOf } from './teacherLabels';

/** «молодой специалист» when the cell's value is true. */
export function YoungBadgeCell(props: CustomCellRendererProps) {
  const t = useT();
  return props.value === true ? (
    <span className="badge tch-young" data-testid="young-badge" title={t('tch.youngHint')}>
      {t('tch.young')}
    </span>
  ) : null;
}

/** Areas (codes joined by «,») as chips. */
export function AreaChips({ value, testId = 'deficit-chip' }: { value: unknown; testId?: string }) {
  const t = useT();
  const areas = areaListOf(value);
  return (
    <span className="tch-chips">
      {areas.map((area) => (
        <span key={area} className="tch-chip" data-testid={testId} data-area={area}>
          {t(areaKey(area))}
        </span>
      ))}
    </span>
  );
}

export function AreaChipsCell(props: CustomCellRendererProps) {
  return <AreaChips value={props.value} />;
}

/** A cell button («История (2)») that calls `open` with the row. */
export function panelButtonCell<R>(
  label: (row: R) => string,
  open: (row: R) => void,
  testId: string,
) {
  return function PanelButtonCell(props: CustomCellRendererProps) {
    const row = props.data as R | undefined;
    if (!row || (row as { __group?: unknown }).__group !== undefined) {
      return null;
    }
    return (
      <button
        type="button"
        className="tch-cell-button"
        onClick={() => open(row)}
        data-testid={testId}
      >
        {label(row)}
      </button>
    );
  };
}
