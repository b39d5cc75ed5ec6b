import type { CustomCellRendererProps } from 'ag-grid-react';

import { DemoBadge } from '../indicators/DemoBadge';

/** The unit's name, with a «демо» mark on synthetic ones. */
export function UnitNameCell(props: CustomCellRendererProps) {
  const demo = Boolean((props.data as { demo?: boolean } | undefined)?.demo);
  return (
    <span>
      {String(props.value ?? '')}
      {demo && <DemoBadge />}
    </span>
  );
}
