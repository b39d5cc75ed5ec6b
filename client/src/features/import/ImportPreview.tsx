import { formatDate } from '../../i18n/format';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type { ImportRoadmapResult, ImportWarning } from './import.queries';
import { ImportGrid } from './ImportGrid';
import type { ImportRow } from './importRow';

function ImportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  const t = useT();
  if (warnings.length === 0) {
    return <p className="muted">{t('import.noWarnings')}</p>;
  }
  return (
    <div className="import-warnings">
      <h3>{t('import.warningsTitle', { n: warnings.length })}</h3>
      <ul data-testid="import-warnings">
        {warnings.map((w, i) => (
          <li key={i}>
            {w.line === null
              ? w.message
              : t('import.warningLine', { line: w.line, message: w.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ImportPreviewProps {
  result: ImportRoadmapResult;
  // The title override from the form; the dry run only knows the document's own title.
  title: string;
  rows: readonly ImportRow[];
  onSave: (changes: SaveChange<ImportRow>[], deleted: ImportRow[]) => Promise<SaveResult>;
  saved: boolean;
  // Remounts the grid (edits dropped) for a new preview or the stored roadmap.
  generation: number;
}

export function ImportPreview(props: ImportPreviewProps) {
  const { result, title } = props;
  const { t, lang } = useI18n();
  const { orderNumber, periodStart, periodEnd } = result;
  return (
    <div className="import-preview" data-testid="import-result">
      <h3 data-testid="import-doc-title">{title || result.title || t('import.untitled')}</h3>
      <div className="roadmap-meta">
        {orderNumber && (
          <span>
            {t('roadmaps.order', {
              number: orderNumber,
              date: formatDate(lang, result.orderDate),
            })}
          </span>
        )}
        {periodStart && periodEnd && (
          <span>
            {t('roadmaps.period', {
              from: formatDate(lang, periodStart),
              to: formatDate(lang, periodEnd),
            })}
          </span>
        )}
        <span data-testid="import-activity-count">
          {t('import.activityCount', { n: result.activityCount })}
        </span>
      </div>
      <ImportWarnings warnings={result.warnings} />
      <ImportGrid
        key={props.generation}
        rows={props.rows}
        onSave={props.onSave}
        readOnly={props.saved}
      />
    </div>
  );
}
