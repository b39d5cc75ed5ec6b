import type { CustomCellRendererProps } from 'ag-grid-react';

import { useT } from '../../i18n/I18nProvider';

/** The unit's name, with a «демо» mark on synthetic ones. */
export function UnitNameCell(props: CustomCellRendererProps) {
  const t = useT();
  const demo = Boolean((props.data as { demo?: boolean } | undefined)?.demo);
  return (
    <span>
      {String(props.value ?? '')}
      {demo && (
        <span className="badge badge-demo" title={t('ind.demoHint')}>
          {t('ind.demo')}
        </span>
      )}
    </span>
  );
}
