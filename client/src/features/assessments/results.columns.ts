import type { EditableColumn } from '../../components/editable-grid';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import { UnitNameCell } from '../indicator-values/UnitNameCell';
import type { ProcedureKind } from './assessments.queries';
import type { ResultField, ResultRow } from './resultRow';
import { COUNT_FIELDS, parseResultFigure, parseTasks, resultFieldsFor } from './resultRow';

interface ColumnContext {
  t: Translate;
  lang: Lang;
  kind: ProcedureKind;
  taskCount: number | null;
  canWrite: (row: ResultRow) => boolean;
}

const WIDTHS: Partial<Record<ResultField, number>> = {
  participants: 110,
  mark2: 90,
  mark3: 90,
  mark4: 90,
  mark5: 90,
  taskCompletion: 230,
  medalistsBelowRequirement: 150,
};

function figureColumn(ctx: ColumnContext, field: ResultField): EditableColumn<ResultRow> {
  const { t, lang, canWrite } = ctx;
  const count = COUNT_FIELDS.includes(field);
  const tasks = field === 'taskCompletion';
  return {
    field,
    headerName: t(`asm.col.${field}` as MessageKey),
    headerTooltip: t(`asm.colHint.${field}` as MessageKey),
    width: WIDTHS[field] ?? 120,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    editable: canWrite,
    parse: (text) => {
      try {
        return tasks
          ? (parseTasks(text, ctx.taskCount)?.map(String).join('; ') ?? null)
          : parseResultFigure(field, text);
      } catch {
        throw new Error(
          tasks
            ? t('asm.results.badTasks', { n: ctx.taskCount ?? '…' })
            : count
              ? t('asm.results.badCount', { text })
              : t('grid.badValue', { text }),
        );
      }
    },
    validate:
      field === 'participants'
        ? (value, row) =>
            value === null && row.version !== null ? t('asm.results.participantsRequired') : null
        : undefined,
    valueFormatter: (p) =>
      tasks
        ? typeof p.value === 'string'
          ? p.value.replace(/\d+\.\d+/g, (n) => formatNumber(lang, Number(n), 2))
          : ''
        : formatNumber(lang, p.value as number | null, 2),
    cellClass: tasks ? undefined : 'ind-num',
  };
}

export function buildResultColumns(ctx: ColumnContext): EditableColumn<ResultRow>[] {
  return [
    {
      field: 'organizationName',
      headerName: ctx.t('asm.col.organization'),
      width: 260,
      pinned: 'left',
      cellRenderer: UnitNameCell,
      historyColumn: false,
    },
    ...resultFieldsFor(ctx.kind).map((field) => figureColumn(ctx, field)),
  ];
}
