import type { EditableColumn } from '../../components/editable-grid';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import { dateColumnProps } from './teachers.columns';
import { YoungBadgeCell } from './TeacherCells';
import { parseChoice, teacherName } from './teacherLabels';
import type { MentorshipRow } from './mentorshipRow';
import type { TeacherNode } from './teachers.queries';
import { MENTORSHIP_DELIVERIES, MENTORSHIP_FORMS, MENTORSHIP_STATUSES } from './teachers.queries';

export const formKey = (code: string) => `tch.mentorForm.${code}` as MessageKey;
export const deliveryKey = (code: string) => `tch.delivery.${code}` as MessageKey;
export const mentorshipStatusKey = (code: string) => `tch.mentorStatus.${code}` as MessageKey;

interface MentorshipColumnContext {
  t: Translate;
  lang: Lang;
  directory: ReadonlyMap<string, TeacherNode>;
  canWrite: boolean;
}

function choiceColumn<C extends string>(
  t: Translate,
  field: 'form' | 'deliveryType' | 'status',
  codes: readonly C[],
  key: (code: string) => MessageKey,
  header: MessageKey,
  canWrite: boolean,
  width: number,
): EditableColumn<MentorshipRow> {
  return {
    field,
    headerName: t(header),
    width,
    editable: canWrite,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: field === 'deliveryType' ? ['', ...codes] : [...codes] },
    valueFormatter: (p) => (p.value ? t(key(String(p.value))) : ''),
    parse: (text) => {
      try {
        return parseChoice(text, codes, (c) => t(key(c)));
      } catch {
        throw new Error(t('grid.badValue', { text }));
      }
    },
    historyColumn: false,
  };
}

export function buildMentorshipColumns(
  ctx: MentorshipColumnContext,
): EditableColumn<MentorshipRow>[] {
  const { t, lang, directory, canWrite } = ctx;
  const date = dateColumnProps(t, lang);
  // The name of the teacher a code names: as stored with the pair, else from the directory.
  const nameOf = (code: string, stored: string | null, storedCode: string | null) => {
    const known = directory.get(code.trim());
    if (known) {
      return teacherName(t, known.fullName);
    }
    if (code.trim() === storedCode) {
      return teacherName(t, stored);
    }
    return code.trim() === '' ? '' : t('tch.unknownTeacher');
  };
  const codeColumn = (field: 'mentorCode' | 'menteeCode', header: MessageKey) => ({
    field,
    headerName: t(header),
    width: 130,
    editable: canWrite,
    parse: (text: string) => text.trim(),
    validate: (value: unknown) => (String(value ?? '').trim() === '' ? t('grid.required') : null),
    historyColumn: false as const,
  });
  return [
    codeColumn('mentorCode', 'tch.col.mentorCode'),
    {
      field: 'mentorName',
      headerName: t('tch.col.mentorName'),
      width: 210,
      valueGetter: (p) => {
        const row = p.data as unknown as MentorshipRow | undefined;
        return row ? nameOf(row.mentorCode, row.mentorName, row.id ? row.mentorCode : null) : '';
      },
      historyColumn: false,
    },
    codeColumn('menteeCode', 'tch.col.menteeCode'),
    {
      field: 'menteeName',
      headerName: t('tch.col.menteeName'),
      width: 210,
      valueGetter: (p) => {
        const row = p.data as unknown as MentorshipRow | undefined;
        return row ? nameOf(row.menteeCode, row.menteeName, row.id ? row.menteeCode : null) : '';
      },
      historyColumn: false,
    },
    {
      field: 'menteeYoung',
      headerName: t('tch.col.young'),
      width: 175,
      valueGetter: (p) => {
        const row = p.data as unknown as MentorshipRow | undefined;
        const known = row ? directory.get(row.menteeCode.trim()) : undefined;
        return known ? known.youngSpecialist : (row?.menteeYoung ?? false);
      },
      cellRenderer: YoungBadgeCell,
      historyColumn: false,
    },
    choiceColumn(t, 'form', MENTORSHIP_FORMS, formKey, 'tch.col.form', canWrite, 190),
    choiceColumn(
      t,
      'deliveryType',
      MENTORSHIP_DELIVERIES,
      deliveryKey,
      'tch.col.delivery',
      canWrite,
      190,
    ),
    {
      field: 'programme',
      headerName: t('tch.col.programme'),
      width: 220,
      editable: canWrite,
      historyColumn: false,
    },
    { field: 'startedOn', headerName: t('tch.col.startedOn'), ...date, editable: canWrite },
    { field: 'endedOn', headerName: t('tch.col.endedOn'), ...date, editable: canWrite },
    choiceColumn(
      t,
      'status',
      MENTORSHIP_STATUSES,
      mentorshipStatusKey,
      'tch.col.status',
      canWrite,
      140,
    ),
    {
      field: 'outcome',
      headerName: t('tch.col.outcome'),
      minWidth: 220,
      flex: 1,
      editable: canWrite,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 2000, rows: 5, cols: 50 },
      historyColumn: false,
    },
  ];
}
