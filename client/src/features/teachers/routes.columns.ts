import type { EditableColumn } from '../../components/editable-grid';
import { formatDate } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import { dateColumnProps } from './teachers.columns';
import { AreaChipsCell, panelButtonCell } from './TeacherCells';
import { parseAreaList, parseChoice, teacherName } from './teacherLabels';
import type { RouteRow } from './routeRow';
import { stepProgress } from './routeRow';
import type { TeacherNode } from './teachers.queries';

export const routeStatusKey = (code: string) => `tch.routeStatus.${code}` as MessageKey;

interface RouteColumnContext {
  t: Translate;
  lang: Lang;
  directory: ReadonlyMap<string, TeacherNode>;
  canWrite: boolean;
  openSteps: (row: RouteRow) => void;
}

export function buildRouteColumns(ctx: RouteColumnContext): EditableColumn<RouteRow>[] {
  const { t, lang, directory, canWrite } = ctx;
  const date = dateColumnProps(t, lang);
  const isNew = (row: RouteRow) => row.id === null;
  // A closed route is history: read-only.
  const live = (row: RouteRow) => canWrite && row.status !== 'CLOSED';
  return [
    {
      field: 'personnelCode',
      headerName: t('tch.col.personnelCode'),
      width: 120,
      pinned: 'left',
      editable: (row) => canWrite && isNew(row),
      validate: (value) => (String(value ?? '').trim() === '' ? t('grid.required') : null),
      historyColumn: false,
    },
    {
      field: 'teacherName',
      headerName: t('tch.col.fullName'),
      width: 220,
      pinned: 'left',
      valueGetter: (p) => {
        const row = p.data as unknown as RouteRow | undefined;
        if (!row) {
          return '';
        }
        const known = directory.get(row.personnelCode.trim());
        return row.id === null
          ? known
            ? teacherName(t, known.fullName)
            : ''
          : teacherName(t, row.teacherName);
      },
      historyColumn: false,
    },
    {
      field: 'organizationName',
      headerName: t('tch.col.organization'),
      width: 170,
      valueGetter: (p) => {
        const row = p.data as unknown as RouteRow | undefined;
        const known = row ? directory.get(row.personnelCode.trim()) : undefined;
        return (
          row?.organizationName || known?.organization.shortName || known?.organization.name || ''
        );
      },
      historyColumn: false,
    },
    {
      field: 'campaignCode',
      headerName: t('tch.col.sourceDiagnosis'),
      headerTooltip: t('tch.colHint.sourceDiagnosis'),
      width: 160,
      editable: (row) => canWrite && isNew(row),
      parse: (text) => (text.trim() === '' ? null : text.trim()),
      historyColumn: false,
    },
    {
      field: 'targetedDeficits',
      headerName: t('tch.col.targetedDeficits'),
      headerTooltip: t('tch.colHint.targetedDeficits'),
      width: 260,
      editable: live,
      cellRenderer: AreaChipsCell,
      parse: (text) => {
        try {
          return parseAreaList(text, t);
        } catch {
          throw new Error(t('tch.badAreas', { text }));
        }
      },
      historyColumn: false,
    },
    {
      field: 'status',
      headerName: t('tch.col.status'),
      width: 130,
      editable: live,
      cellEditor: 'agSelectCellEditor',
      // Closing is the diagnosis' business.
      cellEditorParams: { values: ['OPEN', 'CANCELLED'] },
      valueFormatter: (p) => (p.value ? t(routeStatusKey(String(p.value))) : ''),
      parse: (text) => {
        try {
          return parseChoice(text, ['OPEN', 'CANCELLED'] as const, (c) => t(routeStatusKey(c)));
        } catch {
          throw new Error(t('grid.badValue', { text }));
        }
      },
      cellClassRules: {
        'tch-status-open': (p) => p.value === 'OPEN',
        'tch-status-closed': (p) => p.value === 'CLOSED',
      },
      historyColumn: false,
    },
    {
      field: 'stepCount',
      headerName: t('tch.col.steps'),
      width: 150,
      cellRenderer: panelButtonCell<RouteRow>(
        (row) => {
          const { done, total } = stepProgress(row.steps);
          return t('tch.stepsButton', { done, total });
        },
        ctx.openSteps,
        'steps-button',
      ),
      historyColumn: false,
    },
    {
      field: 'openedOn',
      headerName: t('tch.col.openedOn'),
      ...date,
      editable: live,
      historyColumn: false,
    },
    {
      field: 'closedOn',
      headerName: t('tch.col.closedOn'),
      ...date,
      parse: undefined,
      historyColumn: false,
    },
    {
      field: 'closedByCode',
      headerName: t('tch.col.closedBy'),
      headerTooltip: t('tch.colHint.closedBy'),
      width: 200,
      valueGetter: (p) => {
        const row = p.data as unknown as RouteRow | undefined;
        return row?.closedByCode
          ? `${row.closedByCode} · ${formatDate(lang, row.closedByDate)}`
          : '';
      },
      historyColumn: false,
    },
    {
      field: 'tutor',
      headerName: t('tch.col.tutor'),
      width: 170,
      editable: live,
      historyColumn: false,
    },
  ];
}
