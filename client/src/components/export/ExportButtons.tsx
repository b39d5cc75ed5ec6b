import { useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { useT } from '../../i18n/I18nProvider';
import { toCsv } from './csv';
import { downloadFile } from './download';
import type { ExportTable } from './table';
import { exportFileName } from './table';
import { toXlsx, XLSX_MIME } from './xlsx';

interface ExportButtonsProps<T> {
  /** File name without extension. */
  fileName: string;
  /** Built on click, so the page does not prepare exports nobody asks for. */
  table: () => ExportTable<T>;
  disabled?: boolean;
}

/** «CSV» and «XLSX» buttons for one table. */
export function ExportButtons<T>({ fileName, table, disabled }: ExportButtonsProps<T>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const csv = () => {
    downloadFile(exportFileName(fileName, 'csv'), toCsv(table()), 'text/csv;charset=utf-8');
  };
  const xlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      const bytes = await toXlsx([table()]);
      downloadFile(exportFileName(fileName, 'xlsx'), bytes as BlobPart, XLSX_MIME);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export-buttons">
      <button type="button" onClick={csv} disabled={disabled} data-testid="export-csv">
        {t('ind.export.csv')}
      </button>
      <button
        type="button"
        onClick={() => void xlsx()}
        disabled={disabled || busy}
        data-testid="export-xlsx"
      >
        {busy ? t('ind.export.preparing') : t('ind.export.xlsx')}
      </button>
      {error && (
        <span className="query-error" role="alert">
          {t('common.error', { message: error })}
        </span>
      )}
    </span>
  );
}
