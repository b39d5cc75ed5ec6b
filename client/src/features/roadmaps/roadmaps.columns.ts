import type { EditableColumn, GridRowBase } from '../../components/editable-grid';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type { ActivityRow } from './activityRow';
import type { CycleComponentNode } from './roadmaps.queries';

export const SCHEDULE_KINDS = [
  'once',
  'annual',
  'semiannual',
  'quarterly',
  'monthly',
  'permanent',
  'by_event',
  'on_demand',
  'period',
  'unknown',
] as const;

export function scheduleLabel(t: Translate, kind: string | null | undefined): string {
  if (!kind) {
    return '';
  }
  const known = (SCHEDULE_KINDS as readonly string[]).includes(kind);
  return known ? t(`schedule.${kind}` as MessageKey) : kind;
}

/** Accepts a code («3»), a name or its beginning («Анализ»); empty text clears the cell. */
export function parseCycleComponent(
  text: string,
  components: readonly CycleComponentNode[],
  t: Translate,
): number | null {
  const value = text.trim();
  if (value === '') {
    return null;
  }
  const lower = value.toLowerCase();
  const match =
    components.find((c) => String(c.code) === value) ??
    components.find((c) => c.name.toLowerCase() === lower) ??
    components.find((c) => `${c.code}. ${c.name}`.toLowerCase() === lower) ??
    components.find((c) => c.name.toLowerCase().startsWith(lower));
  if (!match) {
    throw new Error(t('grid.badValue', { text: value }));
  }
  return match.code;
}

interface ActivityTexts extends GridRowBase {
  text: string;
  deadlineText: string;
  responsibleText: string;
}

function required(t: Translate) {
  return (value: unknown) => (String(value ?? '').trim() === '' ? t('grid.required') : null);
}

/** The activity's own texts (what, by when, who), shared by the roadmap grid and the import. */
export function activityTextColumns<R extends ActivityTexts>(t: Translate): EditableColumn<R>[] {
  return [
    {
      field: 'text' as Extract<keyof R, string>,
      headerName: t('col.text'),
      flex: 3,
      minWidth: 320,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 8, cols: 60 },
      validate: required(t),
    },
    {
      field: 'deadlineText' as Extract<keyof R, string>,
      headerName: t('col.deadline'),
      flex: 1,
      minWidth: 140,
      editable: true,
      wrapText: true,
      autoHeight: true,
    },
    {
      field: 'responsibleText' as Extract<keyof R, string>,
      headerName: t('col.responsible'),
      flex: 1.2,
      minWidth: 160,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
    },
  ];
}

export function buildActivityColumns(
  t: Translate,
  components: readonly CycleComponentNode[],
): EditableColumn<ActivityRow>[] {
  const refData = Object.fromEntries(
    components.map((c) => [String(c.code), `${c.code}. ${c.name}`]),
  );
  return [
    {
      field: 'number',
      headerName: t('col.number'),
      width: 90,
      editable: true,
      validate: required(t),
    },
    ...activityTextColumns<ActivityRow>(t),
    {
      field: 'scheduleKind',
      headerName: t('col.schedule'),
      width: 150,
      valueFormatter: (p) => scheduleLabel(t, p.value as string | null),
      // The audit trail holds the database value, the same lower-case name as the API ('monthly').
      formatHistoryValue: (value) => scheduleLabel(t, String(value)),
    },
    {
      field: 'cycleComponentCode',
      headerName: t('col.cycle'),
      width: 210,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: components.map((c) => c.code) },
      refData,
      parse: (text) => parseCycleComponent(text, components, t),
      formatHistoryValue: (value) => refData[String(value)] ?? String(value),
    },
    {
      field: 'executors',
      headerName: t('col.executors'),
      // Kept in activity_executor rows, not in a column of the activity.
      historyColumn: false,
      flex: 1,
      minWidth: 140,
      wrapText: true,
      autoHeight: true,
    },
  ];
}
