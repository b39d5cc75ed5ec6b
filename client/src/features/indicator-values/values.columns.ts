import type { EditableColumn } from '../../components/editable-grid';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import type { MessageKey } from '../../i18n/ru';
import { formatValue, indicatorName, unitLabel } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { UnitNameCell } from './UnitNameCell';
import type { ValueRow } from './valueRow';
import { parseFigure, shownValue, valueColumnSpecs } from './valueRow';
import { halfClearedRatio } from './valueSave';

interface ColumnContext {
  t: Translate;
  lang: Lang;
  indicators: readonly IndicatorNode[];
  canWrite: (row: ValueRow) => boolean;
}

function headerTooltip(t: Translate, lang: Lang, indicator: IndicatorNode, part: string): string {
  const lines = [`${indicator.code} — ${indicatorName(lang, indicator)}`];
  if (part === 'numerator') {
    lines.push(`${t('ind.values.numerator')}: ${indicator.numeratorDefinition}`);
  } else if (part === 'denominator') {
    lines.push(`${t('ind.values.denominator')}: ${indicator.denominatorDefinition ?? ''}`);
  } else {
    lines.push(`${t('ind.col.unit')}: ${unitLabel(t, indicator.unit)}`);
  }
  return lines.join('\n');
}

export function buildValueColumns(ctx: ColumnContext): EditableColumn<ValueRow>[] {
  const { t, lang, canWrite } = ctx;
  const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));
  const parse = (text: string) => {
    try {
      return parseFigure(text);
    } catch {
      throw new Error(t('grid.badValue', { text }));
    }
  };
  const figures = valueColumnSpecs(ctx.indicators).map((spec): EditableColumn<ValueRow> => {
    const indicator = byCode.get(spec.indicator.code)!;
    const applies = (row: ValueRow) => row.level === indicator.level;
    return {
      field: spec.field,
      headerName: `${indicator.code} · ${t(`ind.values.${spec.part}` as MessageKey)}`,
      headerTooltip: headerTooltip(t, lang, indicator, spec.part),
      width: spec.computed ? 120 : 130,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      editable: spec.computed ? false : (row) => applies(row) && canWrite(row),
      parse,
      validate: (value, row) =>
        value === null && halfClearedRatio(row, indicator) ? t('ind.values.clearBoth') : null,
      valueGetter: spec.computed
        ? (p) => (p.data ? shownValue(p.data as unknown as ValueRow, indicator) : null)
        : undefined,
      // Typed figures are shown as typed; a computed share is rounded for its unit.
      valueFormatter: (p) =>
        spec.computed
          ? formatValue(lang, indicator.unit, p.value as number | null)
          : formatNumber(lang, p.value as number | null, 4),
      cellClass: 'ind-num',
      cellClassRules: {
        'ind-na': (p) => Boolean(p.data) && p.data?.level !== indicator.level,
        'ind-computed': () => spec.computed,
      },
      historyColumn: false,
    };
  });
  return [
    {
      field: 'unitName',
      headerName: t('ind.col.unitName'),
      width: 240,
      pinned: 'left',
      cellRenderer: UnitNameCell,
      historyColumn: false,
    },
    ...figures,
  ];
}
