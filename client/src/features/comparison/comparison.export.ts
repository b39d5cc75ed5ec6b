import type { ExportColumn, ExportTable } from '../../components/export';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { indicatorName, unitDigits, unitLabel } from '../indicators/indicatorFormat';
import type { IndicatorNode } from '../indicators/indicators.queries';
import { exportRows } from './comparison.model';
import type { ComparisonResult, ComparisonRow } from './comparison.queries';

interface ExportContext {
  t: Translate;
  lang: Lang;
  indicators: readonly IndicatorNode[];
  result: ComparisonResult;
  /** «Республика Хакасия» or the municipality whose organizations are compared. */
  scopeName: string;
  period: string;
}

/** The ranked table of every compared indicator, one row per unit and indicator. */
export function comparisonExportTable(ctx: ExportContext): ExportTable<ComparisonRow> {
  const { t, lang, result } = ctx;
  const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));
  const indicator = (row: ComparisonRow) => byCode.get(row.indicatorCode);
  const yesNo = (value: boolean | null) =>
    value === null ? null : value ? t('ind.yes') : t('ind.no');
  const unitHeader =
    result.unitKind === 'ORGANIZATION' ? t('ind.col.organization') : t('ind.col.municipality');
  // Shares and rates keep their decimals; counts are whole.
  const digits = Math.max(2, ...ctx.indicators.map((i) => unitDigits(i.unit)));
  const columns: ExportColumn<ComparisonRow>[] = [
    { header: t('ind.col.code'), value: (r) => r.indicatorCode, width: 24 },
    {
      header: t('ind.col.indicator'),
      value: (r) => {
        const i = indicator(r);
        return i ? indicatorName(lang, i) : r.indicatorCode;
      },
      width: 50,
    },
    {
      header: t('ind.col.unit'),
      value: (r) => {
        const i = indicator(r);
        return i ? unitLabel(t, i.unit) : '';
      },
      width: 14,
    },
    { header: t('ind.period'), value: (r) => r.period, width: 12 },
    { header: t('ind.col.rank'), value: (r) => r.rank, kind: 'integer', width: 8 },
    { header: unitHeader, value: (r) => r.unitName, width: 32 },
    { header: t('ind.col.demo'), value: (r) => (r.demo ? t('ind.yes') : t('ind.no')), width: 8 },
    { header: t('ind.col.value'), value: (r) => r.value, kind: 'decimal', digits, width: 12 },
    { header: t('ind.col.numerator'), value: (r) => r.numerator, kind: 'decimal', width: 12 },
    {
      header: t('ind.col.denominator'),
      value: (r) => r.denominator,
      kind: 'decimal',
      width: 12,
    },
    { header: t('ind.col.score'), value: (r) => r.score, kind: 'decimal', digits: 1, width: 12 },
    { header: t('ind.col.zScore'), value: (r) => r.zScore, kind: 'decimal', digits: 2, width: 10 },
    {
      header: t('ind.col.previous'),
      value: (r) => r.previousValue,
      kind: 'decimal',
      digits,
      width: 14,
    },
    { header: t('ind.col.change'), value: (r) => r.change, kind: 'decimal', digits, width: 12 },
    { header: t('ind.col.target'), value: (r) => yesNo(r.targetMet), width: 14 },
  ];
  return {
    sheetName: t('ind.compare.sheet'),
    caption: [t('ind.compare.caption', { scope: ctx.scopeName, period: ctx.period })],
    columns,
    rows: exportRows(result, ctx.indicators),
  };
}
