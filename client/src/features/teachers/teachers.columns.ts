import type { EditableColumn } from '../../components/editable-grid';
import { formatDate, formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import { parseFigure } from '../indicator-values/valueRow';
import { panelButtonCell, YoungBadgeCell } from './TeacherCells';
import { parseChoice, parseDate, teacherName } from './teacherLabels';
import type { TeacherRow } from './teacherRow';
import { isMove } from './teacherRow';
import type { OrganizationRef } from './teachers.queries';
import { CATEGORIES } from './teachers.queries';

export interface TeacherColumnContext {
  t: Translate;
  lang: Lang;
  organizations: readonly OrganizationRef[];
  canWrite: (row: TeacherRow) => boolean;
  openHistory: (row: TeacherRow) => void;
}

export const categoryKey = (code: string) => `tch.category.${code}` as MessageKey;

/** Shared by the grids: a date cell (typed as 01.09.2024 or 2024-09-01, shown per language). */
export function dateColumnProps(t: Translate, lang: Lang) {
  return {
    width: 120,
    parse: (text: string) => {
      try {
        return parseDate(text);
      } catch {
        throw new Error(t('tch.badDate', { text }));
      }
    },
    valueFormatter: (p: { value: unknown }) => formatDate(lang, p.value as string | null),
  };
}

function numberParse(t: Translate, integer: boolean, max: number) {
  return (text: string) => {
    let value: number | null;
    try {
      value = parseFigure(text);
    } catch {
      throw new Error(t('grid.badValue', { text }));
    }
    if (value !== null && (value < 0 || value > max || (integer && !Number.isInteger(value)))) {
      throw new Error(t('grid.badValue', { text }));
    }
    return value;
  };
}

export function buildTeacherColumns(ctx: TeacherColumnContext): EditableColumn<TeacherRow>[] {
  const { t, lang, organizations, canWrite } = ctx;
  const orgLabel = new Map(organizations.map((o) => [o.code, o.shortName ?? o.name]));
  const categoryLabel = (code: string) => t(categoryKey(code));
  const date = dateColumnProps(t, lang);
  return [
    {
      field: 'personnelCode',
      headerName: t('tch.col.personnelCode'),
      headerTooltip: t('tch.colHint.personnelCode'),
      width: 130,
      pinned: 'left',
      // The natural key: typed for a new teacher only.
      editable: (row) => row.id === null && canWrite(row),
      validate: (value) => (String(value ?? '').trim() === '' ? t('grid.required') : null),
      historyColumn: false,
    },
    {
      field: 'fullName',
      headerName: t('tch.col.fullName'),
      headerTooltip: t('tch.colHint.fullName'),
      width: 240,
      pinned: 'left',
      editable: (row) => !row.nameHidden && canWrite(row),
      valueFormatter: (p) =>
        (p.data as unknown as TeacherRow | undefined)?.nameHidden
          ? teacherName(t, null)
          : String(p.value ?? ''),
      cellClassRules: {
        'tch-hidden': (p) => Boolean((p.data as unknown as TeacherRow | undefined)?.nameHidden),
      },
      historyColumn: false,
    },
    {
      field: 'youngSpecialist',
      headerName: t('tch.col.young'),
      headerTooltip: t('tch.youngHint'),
      width: 175,
      cellRenderer: YoungBadgeCell,
      historyColumn: false,
    },
    {
      field: 'organizationCode',
      headerName: t('tch.col.organization'),
      headerTooltip: t('tch.colHint.organization'),
      width: 220,
      editable: canWrite,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: organizations.map((o) => o.code) },
      valueFormatter: (p) => (p.value ? (orgLabel.get(String(p.value)) ?? String(p.value)) : ''),
      parse: (text) => {
        const clean = text.trim();
        if (clean === '') {
          return null;
        }
        const found = organizations.find(
          (o) =>
            o.code === clean ||
            (o.shortName ?? '').toLowerCase() === clean.toLowerCase() ||
            o.name.toLowerCase() === clean.toLowerCase(),
        );
        if (!found) {
          throw new Error(t('tch.unknownOrganization', { text }));
        }
        return found.code;
      },
      validate: (value) => (value ? null : t('grid.required')),
      historyColumn: false,
    },
    {
      field: 'movedOn',
      headerName: t('tch.col.movedOn'),
      headerTooltip: t('tch.colHint.movedOn'),
      ...date,
      editable: (row) => isMove(row) && canWrite(row),
      historyColumn: false,
    },
    {
      field: 'assignmentCount',
      headerName: t('tch.col.assignments'),
      width: 130,
      cellRenderer: panelButtonCell<TeacherRow>(
        (row) => t('tch.historyButton', { n: row.assignmentCount }),
        ctx.openHistory,
        'assignments-button',
      ),
      historyColumn: false,
    },
    {
      field: 'subjects',
      headerName: t('tch.col.subjects'),
      headerTooltip: t('tch.colHint.subjects'),
      width: 200,
      editable: canWrite,
      parse: (text) =>
        text
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .join('; '),
      historyColumn: false,
    },
    {
      field: 'position',
      headerName: t('tch.col.position'),
      width: 150,
      editable: canWrite,
      historyColumn: false,
    },
    {
      field: 'category',
      headerName: t('tch.col.category'),
      width: 190,
      editable: canWrite,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...CATEGORIES] },
      valueFormatter: (p) => (p.value ? categoryLabel(String(p.value)) : ''),
      parse: (text) => {
        try {
          return parseChoice(text, CATEGORIES, categoryLabel);
        } catch {
          throw new Error(t('grid.badValue', { text }));
        }
      },
      historyColumn: false,
    },
    {
      field: 'birthYear',
      headerName: t('tch.col.birthYear'),
      width: 110,
      editable: canWrite,
      parse: numberParse(t, true, 2100),
      cellClass: 'ind-num',
      historyColumn: false,
    },
    {
      field: 'totalExperienceYears',
      headerName: t('tch.col.totalExperience'),
      width: 120,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      editable: canWrite,
      parse: numberParse(t, false, 80),
      valueFormatter: (p) => formatNumber(lang, p.value as number | null, 1),
      cellClass: 'ind-num',
      historyColumn: false,
    },
    {
      field: 'teachingExperienceYears',
      headerName: t('tch.col.teachingExperience'),
      width: 130,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      editable: canWrite,
      parse: numberParse(t, false, 80),
      validate: (value, row) =>
        typeof value === 'number' &&
        row.totalExperienceYears !== null &&
        value > row.totalExperienceYears
          ? t('tch.teachingOverTotal')
          : null,
      valueFormatter: (p) => formatNumber(lang, p.value as number | null, 1),
      cellClass: 'ind-num',
      historyColumn: false,
    },
    {
      field: 'hireDate',
      headerName: t('tch.col.hireDate'),
      ...date,
      editable: canWrite,
      historyColumn: false,
    },
  ];
}
