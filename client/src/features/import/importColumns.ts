import type { ValueGetterParams } from 'ag-grid-community';

import type { EditableColumn } from '../../components/editable-grid';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import {
  activityTextColumns,
  parseCycleComponent,
  scheduleLabel,
} from '../roadmaps/roadmaps.columns';
import type { CycleComponentNode } from '../roadmaps/roadmaps.queries';
import type { DirectionNode } from './import.queries';
import type { ImportRow } from './importRow';
import { ACTIVITY_NUMBER, normaliseNumber } from './importRow';

/** Accepts a code («1.3», «nOrM»), a name or its beginning, or «code. name»; empty clears. */
export function parseDirection(
  text: string,
  directions: readonly DirectionNode[],
  t: Translate,
): string | null {
  const value = text.trim();
  if (value === '') {
    return null;
  }
  const lower = value.toLowerCase();
  const match =
    directions.find((d) => d.code.toLowerCase() === lower) ??
    directions.find((d) => `${d.code}. ${d.shortName}`.toLowerCase() === lower) ??
    directions.find((d) => d.shortName.toLowerCase() === lower || d.name.toLowerCase() === lower) ??
    directions.find((d) => d.shortName.toLowerCase().startsWith(lower)) ??
    directions.find((d) => d.name.toLowerCase().startsWith(lower));
  if (!match) {
    throw new Error(t('grid.badValue', { text: value }));
  }
  return match.code;
}

const FIELD_HEADERS: Record<string, MessageKey> = {
  sectionNumber: 'import.col.sectionNumber',
  sectionTitle: 'import.col.sectionTitle',
  directionCode: 'import.col.direction',
  number: 'col.number',
  text: 'col.text',
  deadlineText: 'col.deadline',
  responsibleText: 'col.responsible',
  cycleComponentCode: 'col.cycle',
};

/** The column header of an input field the server names in a row error. */
export function importFieldHeader(t: Translate, field: string): string {
  const key = FIELD_HEADERS[field];
  return key ? t(key) : field;
}

const required = (t: Translate) => (value: unknown) =>
  String(value ?? '').trim() === '' ? t('grid.required') : null;

type Row = Partial<ImportRow> | undefined;
const rowOf = (p: { data?: unknown }) => p.data as Row;

// Schedule and executors are what the reader found; after an edit the server finds them anew.
const deadlineEdited = (row: Row) => (row?.deadlineText ?? '') !== (row?.parsedDeadline ?? null);
const responsibleEdited = (row: Row) =>
  (row?.responsibleText ?? '') !== (row?.parsedResponsible ?? null);

/** The row's notes: the reader's and the server's, and what still looks wrong in the row. */
export function rowNotes(t: Translate, row: Row): string {
  const notes = row?.notes ? [row.notes] : [];
  if (row && !row.directionCode) {
    notes.push(t('import.note.noDirection'));
  }
  if (row && !deadlineEdited(row) && row.scheduleKind === 'unknown') {
    notes.push(t('import.note.unknownSchedule'));
  }
  return notes.join('; ');
}

export function buildImportColumns(
  t: Translate,
  directions: readonly DirectionNode[],
  components: readonly CycleComponentNode[],
): EditableColumn<ImportRow>[] {
  const directionRef = Object.fromEntries(
    directions.map((d) => [d.code, `${d.code}. ${d.shortName}`]),
  );
  const componentRef = Object.fromEntries(
    components.map((c) => [String(c.code), `${c.code}. ${c.name}`]),
  );
  return [
    {
      field: 'sectionNumber',
      headerName: t('import.col.sectionNumber'),
      width: 90,
      editable: true,
      validate: required(t),
    },
    {
      field: 'sectionTitle',
      headerName: t('import.col.sectionTitle'),
      flex: 1.2,
      minWidth: 180,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 4, cols: 60 },
      validate: required(t),
    },
    {
      field: 'directionCode',
      headerName: t('import.col.direction'),
      width: 170,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: ['', ...directions.map((d) => d.code)] },
      refData: directionRef,
      parse: (text) => parseDirection(text, directions, t),
      cellClassRules: { 'import-cell-missing': (p) => !rowOf(p)?.directionCode },
    },
    {
      field: 'number',
      headerName: t('col.number'),
      width: 90,
      editable: true,
      validate: (value) => {
        const number = normaliseNumber(String(value ?? ''));
        if (number === '') {
          return t('grid.required');
        }
        return ACTIVITY_NUMBER.test(number) ? null : t('import.grid.badNumber');
      },
    },
    ...activityTextColumns<ImportRow>(t),
    {
      field: 'scheduleKind',
      headerName: t('col.schedule'),
      width: 150,
      valueGetter: (p: ValueGetterParams) => {
        const row = rowOf(p);
        return deadlineEdited(row) ? t('import.note.later') : scheduleLabel(t, row?.scheduleKind);
      },
    },
    {
      field: 'cycleComponentCode',
      headerName: t('col.cycle'),
      width: 200,
      editable: true,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: components.map((c) => c.code) },
      refData: componentRef,
      parse: (text) => parseCycleComponent(text, components, t),
    },
    {
      field: 'executors',
      headerName: t('col.executors'),
      flex: 1,
      minWidth: 140,
      wrapText: true,
      autoHeight: true,
      valueGetter: (p: ValueGetterParams) => {
        const row = rowOf(p);
        return responsibleEdited(row) ? t('import.note.later') : (row?.executors ?? '');
      },
    },
    {
      field: 'notes',
      headerName: t('import.col.notes'),
      flex: 1,
      minWidth: 160,
      wrapText: true,
      autoHeight: true,
      cellClass: 'import-notes',
      valueGetter: (p: ValueGetterParams) => rowNotes(t, rowOf(p)),
    },
  ];
}
