import type { EditableColumn } from '../../components/editable-grid';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { parseFigure } from '../indicator-values/valueRow';
import type { OrganizationRef } from '../teachers/teachers.queries';
import {
  parseGrade,
  parseStage,
  parseStatus,
  pupilName,
  stageKey,
  statusKey,
} from './olympiadLabels';
import type { OlympiadStage, OlympiadStatus, SubjectNode } from './olympiads.queries';
import { STAGES, STATUSES } from './olympiads.queries';
import type { RecordRow } from './recordRow';

export interface RecordColumnContext {
  t: Translate;
  lang: Lang;
  subjects: readonly SubjectNode[];
  organizations: readonly OrganizationRef[];
  canWrite: (row: RecordRow) => boolean;
}

const rowOf = (p: { data?: unknown }) => p.data as RecordRow | undefined;

/** Text → a score (0 or more, decimals with a comma or a dot); a bad one is refused. */
function scoreParse(t: Translate) {
  return (text: string) => {
    let value: number | null;
    try {
      value = parseFigure(text);
    } catch {
      throw new Error(t('grid.badValue', { text }));
    }
    if (value !== null && value < 0) {
      throw new Error(t('grid.badValue', { text }));
    }
    return value;
  };
}

/** Text → a value of a closed list, or a refusal in the user's words. */
function choiceParse<C>(t: Translate, parse: (text: string) => C | null) {
  return (text: string) => {
    try {
      return parse(text);
    } catch {
      throw new Error(t('grid.badValue', { text }));
    }
  };
}

export function buildRecordColumns(ctx: RecordColumnContext): EditableColumn<RecordRow>[] {
  const { t, lang, subjects, organizations, canWrite } = ctx;
  // The natural key (pupil, subject, stage) is typed for a new entry only.
  const keyEditable = (row: RecordRow) => row.id === null && canWrite(row);
  const subjectName = new Map(
    subjects.map((s) => [s.code, lang === 'ru' ? s.name : s.nameEn || s.name]),
  );
  const orgLabel = new Map(organizations.map((o) => [o.code, o.shortName ?? o.name]));
  const required = (value: unknown) =>
    value === null || value === undefined || String(value).trim() === ''
      ? t('grid.required')
      : null;
  // No inferred number type: its editor refuses a decimal comma; the text goes to `parse`.
  const number = {
    cellDataType: false,
    width: 96,
    cellClass: 'ind-num',
    valueFormatter: (p: { value: unknown }) => formatNumber(lang, p.value as number | null, 2),
    historyColumn: false as const,
  };
  return [
    {
      field: 'studentCode',
      headerName: t('oly.col.studentCode'),
      headerTooltip: t('oly.colHint.studentCode'),
      width: 140,
      pinned: 'left',
      editable: keyEditable,
      validate: required,
      historyColumn: false,
    },
    {
      field: 'fullName',
      headerName: t('oly.col.fullName'),
      width: 230,
      pinned: 'left',
      editable: (row) => !row.nameHidden && canWrite(row),
      valueFormatter: (p) => (rowOf(p)?.nameHidden ? pupilName(t, null) : String(p.value ?? '')),
      cellClassRules: { 'oly-hidden': (p) => Boolean(rowOf(p)?.nameHidden) },
      historyColumn: false,
    },
    {
      field: 'subject',
      headerName: t('oly.col.subject'),
      width: 170,
      editable: keyEditable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: subjects.map((s) => s.code) },
      valueFormatter: (p) => (p.value ? (subjectName.get(String(p.value)) ?? String(p.value)) : ''),
      parse: choiceParse(t, (text) => {
        const clean = text.trim().toLowerCase().replace(/ё/g, 'е');
        if (clean === '') {
          return null;
        }
        const found = subjects.find((s) =>
          [s.code, s.name, s.nameEn].some((v) => v.toLowerCase().replace(/ё/g, 'е') === clean),
        );
        if (!found) {
          throw new RangeError(text);
        }
        return found.code;
      }),
      validate: required,
      historyColumn: false,
    },
    {
      field: 'stage',
      headerName: t('oly.col.stage'),
      width: 140,
      editable: keyEditable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...STAGES] },
      valueFormatter: (p) => (p.value ? t(stageKey(p.value as OlympiadStage)) : ''),
      parse: choiceParse(t, parseStage),
      validate: required,
      historyColumn: false,
    },
    {
      field: 'organizationCode',
      headerName: t('oly.col.organization'),
      width: 200,
      editable: keyEditable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: organizations.map((o) => o.code) },
      valueFormatter: (p) => (p.value ? (orgLabel.get(String(p.value)) ?? String(p.value)) : ''),
      parse: choiceParse(t, (text) => {
        const clean = text.trim().toLowerCase();
        if (clean === '') {
          return null;
        }
        const found = organizations.find((o) =>
          [o.code, o.shortName ?? '', o.name].some((v) => v.toLowerCase() === clean),
        );
        if (!found) {
          throw new RangeError(text);
        }
        return found.code;
      }),
      validate: required,
      historyColumn: false,
    },
    {
      field: 'gradeActual',
      headerName: t('oly.col.gradeActual'),
      headerTooltip: t('oly.colHint.gradeActual'),
      width: 100,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      cellClass: 'ind-num',
      cellDataType: false,
      editable: canWrite,
      parse: choiceParse(t, parseGrade),
      validate: required,
      historyColumn: false,
    },
    {
      field: 'gradePerformed',
      headerName: t('oly.col.gradePerformed'),
      headerTooltip: t('oly.colHint.gradePerformed'),
      width: 110,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      cellClass: 'ind-num',
      cellDataType: false,
      editable: canWrite,
      parse: choiceParse(t, parseGrade),
      validate: (value, row) =>
        typeof value === 'number' && row.gradeActual !== null && value < row.gradeActual
          ? t('oly.gradeBelowActual')
          : null,
      historyColumn: false,
    },
    {
      field: 'score',
      headerName: t('oly.col.score'),
      ...number,
      editable: canWrite,
      parse: scoreParse(t),
      validate: (value, row) =>
        value === null || value === undefined
          ? t('grid.required')
          : row.maxScore !== null && Number(value) > row.maxScore
            ? t('oly.scoreOverMax', { max: formatNumber(lang, row.maxScore) })
            : null,
    },
    {
      field: 'maxScore',
      headerName: t('oly.col.maxScore'),
      ...number,
      editable: canWrite,
      parse: scoreParse(t),
      validate: required,
    },
    {
      field: 'status',
      headerName: t('oly.col.status'),
      width: 130,
      editable: canWrite,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...STATUSES] },
      valueFormatter: (p) => (p.value ? t(statusKey(p.value as OlympiadStatus)) : ''),
      cellClassRules: {
        'oly-diploma': (p) => p.value === 'WINNER' || p.value === 'PRIZE_WINNER',
      },
      parse: choiceParse(t, parseStatus),
      historyColumn: false,
    },
  ];
}
