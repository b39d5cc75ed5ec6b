import type { CustomCellRendererProps } from 'ag-grid-react';

import type { GridItem } from './types';

export function GroupRow(props: CustomCellRendererProps<GridItem>) {
  const data = props.data;
  return (
    <div className="eg-group-row" data-testid="grid-group-row">
      <span className="eg-group-label">{data?.__group}</span>
      <span className="eg-group-count">{data?.__groupCount}</span>
    </div>
  );
}
