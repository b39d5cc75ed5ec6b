import type { EditableColumn } from '../../components/editable-grid';
import { formatDate } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { en } from '../../i18n/en';
import { ru } from '../../i18n/ru';
import type { OccurrenceRow } from './occurrenceRow';
import type { OccurrenceStatus } from './occurrences.queries';
import { OCCURRENCE_STATUSES } from './occurrences.queries';
import { OverdueBadge } from './OverdueBadge';

/** Accepts the enum value in any case or its label in either language («выполнено», «done»). */
export function parseStatus(text: string, t: Translate): OccurrenceStatus {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const found = OCCURRENCE_STATUSES.find(
    (s) =>
      s.toLowerCase() === value ||
      s.toLowerCase().replace('_', ' ') === value ||
      String(ru[`status.${s}`]).toLowerCase() === value ||
      String(en[`status.${s}`]).toLowerCase() === value,
  );
  if (!found) {
    throw new Error(t('status.unknown', { text: text.trim() }));
  }
  return found;
}

export function isEvidenceUrl(value: string): boolean {
  return value.trim() === '' || /^https?:\/\/\S+$/i.test(value.trim());
}

export function buildOccurrenceColumns(t: Translate, lang: Lang): EditableColumn<OccurrenceRow>[] {
  const statusLabels = Object.fromEntries(OCCURRENCE_STATUSES.map((s) => [s, t(`status.${s}`)]));
  return [
    {
      field: 'dueDate',
      headerName: t('col.dueDate'),
      width: 110,
      valueFormatter: (p) => formatDate(lang, p.value as string),
      formatHistoryValue: (value) => formatDate(lang, String(value)),
    },
    // number, text and municipality belong to the activity: no history in this table.
    { field: 'number', headerName: t('col.number'), width: 80, historyColumn: false },
    {
      field: 'text',
      headerName: t('col.text'),
      flex: 3,
      minWidth: 300,
      wrapText: true,
      autoHeight: true,
      historyColumn: false,
    },
    {
      field: 'municipalityName',
      headerName: t('col.municipality'),
      width: 170,
      wrapText: true,
      autoHeight: true,
      historyColumn: false,
    },
    {
      field: 'status',
      headerName: t('col.status'),
      width: 150,
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...OCCURRENCE_STATUSES] },
      refData: statusLabels,
      parse: (text) => parseStatus(text, t),
      formatHistoryValue: (value) => statusLabels[String(value).toUpperCase()] ?? String(value),
    },
    {
      field: 'overdue',
      headerName: t('col.overdue'),
      width: 120,
      cellRenderer: OverdueBadge,
      historyColumn: false,
    },
    {
      field: 'reportText',
      headerName: t('col.report'),
      flex: 2,
      minWidth: 220,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 6, cols: 50 },
    },
    {
      field: 'evidenceUrl',
      headerName: t('col.evidence'),
      flex: 1,
      minWidth: 180,
      editable: true,
      validate: (value) => (isEvidenceUrl(String(value ?? '')) ? null : t('occ.badUrl')),
    },
  ];
}
