import type { EditableColumn } from '../../components/editable-grid';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import type { Lang } from '../../i18n/plural';
import { parseFigure } from '../indicator-values/valueRow';
import type { DiagnosticRow } from './diagnosticRow';
import { scoreField } from './diagnosticRow';
import { AreaChipsCell } from './TeacherCells';
import type { CampaignArea } from './teacherLabels';
import { areaKey, teacherName } from './teacherLabels';

interface DiagnosticColumnContext {
  t: Translate;
  lang: Lang;
  areas: readonly CampaignArea[];
  canWrite: (row: DiagnosticRow) => boolean;
}

export function buildDiagnosticColumns(
  ctx: DiagnosticColumnContext,
): EditableColumn<DiagnosticRow>[] {
  const { t, lang, canWrite } = ctx;
  const scores = ctx.areas.map(
    ({ area, maxScore, deficitBelow }): EditableColumn<DiagnosticRow> => ({
      field: scoreField(area),
      headerName: t(areaKey(area)),
      headerTooltip: t('tch.diag.areaHint', { max: maxScore, below: deficitBelow }),
      width: 130,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      editable: canWrite,
      parse: (text) => {
        let value: number | null;
        try {
          value = parseFigure(text);
        } catch {
          throw new Error(t('grid.badValue', { text }));
        }
        if (value !== null && !(value >= 0 && value <= maxScore)) {
          throw new Error(t('tch.diag.outOfRange', { text, max: maxScore }));
        }
        return value;
      },
      valueFormatter: (p) => formatNumber(lang, p.value as number | null, 2),
      cellClass: 'ind-num',
      // Below the threshold: the deficit the server will find.
      cellClassRules: {
        'tch-below': (p) => typeof p.value === 'number' && p.value < deficitBelow,
      },
      historyColumn: false,
    }),
  );
  return [
    {
      field: 'organizationName',
      headerName: t('tch.col.organization'),
      width: 200,
      pinned: 'left',
      historyColumn: false,
    },
    {
      field: 'personnelCode',
      headerName: t('tch.col.personnelCode'),
      width: 120,
      pinned: 'left',
      historyColumn: false,
    },
    {
      field: 'fullName',
      headerName: t('tch.col.fullName'),
      width: 220,
      valueFormatter: (p) => teacherName(t, p.value as string | null),
      historyColumn: false,
    },
    ...scores,
    {
      field: 'deficits',
      headerName: t('tch.col.deficits'),
      headerTooltip: t('tch.colHint.deficits'),
      minWidth: 240,
      flex: 1,
      cellRenderer: AreaChipsCell,
      historyColumn: false,
    },
  ];
}
