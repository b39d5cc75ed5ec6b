import type { CustomCellRendererProps } from 'ag-grid-react';

import { useT } from '../../i18n/I18nProvider';

export function OverdueBadge(props: CustomCellRendererProps) {
  const t = useT();
  if (props.value !== true) {
    return null;
  }
  return (
    <span className="badge badge-danger" data-testid="overdue-badge">
      {t('overdue.badge')}
    </span>
  );
}
