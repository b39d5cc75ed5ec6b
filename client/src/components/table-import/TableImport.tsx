import './tableImport.css';

import { useMemo, useState } from 'react';

import { errorMessage } from '../../api/graphql';
import { useT } from '../../i18n/I18nProvider';
import { downloadFile } from '../export/download';
import { toCsv } from '../export/csv';
import { exportFileName } from '../export/table';
import type { GridRowBase, SaveChange, SaveResult } from '../editable-grid/types';
import type { ColumnMapping, ImportTarget } from './mapping';
import { findHeaderRow, guessMapping, rememberedMapping, rememberMapping } from './mapping';
import type { ImportColumn, ImportProblem, PlannedRow } from './plan';
import { planImport, serverProblems } from './plan';
import type { SheetRow } from './sheet';
import { readSheetFile } from './sheet';

/** How a page's table takes a file (import) and gives its view (export). */
export interface TableIo<R> {
  /** Names the table for the remembered column mapping, e.g. "indicator-values". */
  tableKey: string;
  /** File name (without extension) of an export. */
  fileName: string;
  /** The column by which a file row finds its table row (exported even when not shown). */
  keyColumn: { field: Extract<keyof R, string>; header: string; aliases?: readonly string[] };
  /** Other names of the table's columns in users' files, by field. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** The server's check of the changes, writing nothing (the save's dry run). */
  check: (changes: SaveChange<R>[]) => Promise<SaveResult>;
}

interface TableImportProps<R extends GridRowBase> {
  io: TableIo<R>;
  columns: readonly ImportColumn<R>[];
  tableKeys: readonly string[];
  rowAt: (key: string) => R;
  /** The grid's own save: one request, all or nothing. */
  commit: (changes: SaveChange<R>[]) => Promise<SaveResult>;
  /** A table column's header (for errors the server reports on columns not loaded). */
  headerOf: (field: string) => string;
  /** Why an import cannot start now (unsaved edits in the grid), or null. */
  blocked: string | null;
  onClose: () => void;
}

const PREVIEW_ROWS = 30;
const PROBLEMS_SHOWN = 20;

interface LoadedFile {
  name: string;
  rows: SheetRow[];
}

export function TableImport<R extends GridRowBase>(props: TableImportProps<R>) {
  const { io, columns } = props;
  const t = useT();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [headerIndex, setHeaderIndex] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [busy, setBusy] = useState<'reading' | 'checking' | 'committing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // null: not checked by the server since the file or the mapping last changed.
  const [fromServer, setFromServer] = useState<ImportProblem[] | null>(null);
  const [done, setDone] = useState<{ rows: number; cells: number } | null>(null);

  const targets: ImportTarget[] = useMemo(
    () => [
      { ...io.keyColumn },
      ...columns.map((c) => ({ field: c.field, header: c.header, aliases: io.aliases?.[c.field] })),
    ],
    [columns, io.aliases, io.keyColumn],
  );
  const headerOf = (field: string | null) =>
    field === null ? '' : (targets.find((x) => x.field === field)?.header ?? props.headerOf(field));
  const headers = file?.rows[headerIndex]?.cells ?? [];

  const plan = useMemo(
    () =>
      file
        ? planImport({
            rows: file.rows.slice(headerIndex + 1),
            mapping,
            keyField: io.keyColumn.field,
            tableKeys: props.tableKeys,
            rowAt: props.rowAt,
            columns,
            messages: {
              missingKey: t('tio.missingKey'),
              unknownKey: (text) => t('tio.unknownKey', { text }),
              duplicateKey: (text, line) => t('tio.duplicateKey', { text, line }),
              readOnly: t('tio.readOnly'),
            },
          })
        : null,
    [columns, file, headerIndex, io.keyColumn.field, mapping, props.rowAt, props.tableKeys, t],
  );
  const keyMapped = mapping.includes(io.keyColumn.field);
  const problems = [...(plan?.problems ?? []), ...(fromServer ?? [])];

  const choose = async (chosen: File | undefined) => {
    setError(null);
    setDone(null);
    setFromServer(null);
    if (!chosen) {
      setFile(null);
      return;
    }
    setBusy('reading');
    try {
      const rows = await readSheetFile(chosen);
      const header = findHeaderRow(rows, targets);
      setFile({ name: chosen.name, rows });
      setHeaderIndex(header);
      setMapping(guessMapping(rows[header]?.cells ?? [], targets, rememberedMapping(io.tableKey)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const pickHeader = (index: number) => {
    setHeaderIndex(index);
    setFromServer(null);
    const cells = file?.rows[index]?.cells ?? [];
    setMapping(guessMapping(cells, targets, rememberedMapping(io.tableKey)));
  };

  const mapColumn = (i: number, field: string) => {
    setFromServer(null);
    setMapping((current) =>
      current.map((f, j) => (j === i ? field || null : field && f === field ? null : f)),
    );
  };

  const run = async (kind: 'checking' | 'committing') => {
    if (!plan) {
      return;
    }
    rememberMapping(io.tableKey, headers, mapping);
    setBusy(kind);
    setError(null);
    try {
      const result =
        kind === 'checking' ? await io.check(plan.changes) : await props.commit(plan.changes);
      setFromServer(serverProblems(plan, result.errors));
      if (kind === 'committing' && result.errors.length === 0) {
        setDone({ rows: plan.changes.length, cells: plan.changedCells });
        setFile(null);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const downloadProblems = () => {
    const csv = toCsv({
      sheetName: t('tio.errorsFile'),
      columns: [
        { header: t('tio.col.line'), value: (p: ImportProblem) => p.line, kind: 'integer' },
        { header: t('tio.col.column'), value: (p: ImportProblem) => headerOf(p.field) },
        { header: t('tio.col.value'), value: (p: ImportProblem) => p.text },
        { header: t('tio.col.message'), value: (p: ImportProblem) => p.message },
      ],
      rows: problems,
    });
    const base = `${file?.name.replace(/\.[^.]+$/, '') ?? io.fileName} — ${t('tio.errorsFile')}`;
    downloadFile(exportFileName(base, 'csv'), csv, 'text/csv;charset=utf-8');
  };

  const problemLine = (p: ImportProblem) =>
    p.field === null
      ? t('tio.problemRow', { line: p.line, message: p.message })
      : t('tio.problem', { line: p.line, column: headerOf(p.field), message: p.message });
  const canSend =
    plan !== null && keyMapped && plan.problems.length === 0 && plan.changes.length > 0;

  return (
    <section className="tio-panel" data-testid="table-import" aria-label={t('tio.title')}>
      <div className="tio-head">
        <strong>{t('tio.title')}</strong>
        <button type="button" onClick={props.onClose} data-testid="table-import-close">
          {t('tio.close')}
        </button>
      </div>
      <p className="muted">{t('tio.hint', { key: io.keyColumn.header })}</p>
      {props.blocked ? (
        <p className="tio-warning" role="alert">
          {props.blocked}
        </p>
      ) : (
        <label className="field">
          <span>{t('tio.file')}</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => void choose(e.target.files?.[0])}
            data-testid="table-import-file"
          />
        </label>
      )}
      {busy === 'reading' && <p className="muted">{t('tio.reading')}</p>}
      {error && (
        <p className="query-error" role="alert">
          {t('common.error', { message: error })}
        </p>
      )}
      {done && (
        <p className="tio-done" role="status" data-testid="table-import-done">
          {t('tio.done', done)}
        </p>
      )}
      {file && plan && (
        <>
          <label className="field tio-header-row">
            <span>{t('tio.headerRow')}</span>
            <select
              value={headerIndex}
              onChange={(e) => pickHeader(Number(e.target.value))}
              data-testid="table-import-header-row"
            >
              {file.rows.slice(0, 20).map((row, i) => (
                <option key={row.line} value={i}>
                  {row.line}: {row.cells.filter(Boolean).slice(0, 4).join(' · ')}
                </option>
              ))}
            </select>
          </label>
          <table className="tio-mapping" data-testid="table-import-mapping">
            <thead>
              <tr>
                <th>{t('tio.fileColumn')}</th>
                <th>{t('tio.sample')}</th>
                <th>{t('tio.target')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, i) => (
                <tr key={i}>
                  <td>{header}</td>
                  <td className="muted">{file.rows[headerIndex + 1]?.cells[i] ?? ''}</td>
                  <td>
                    <select
                      value={mapping[i] ?? ''}
                      onChange={(e) => mapColumn(i, e.target.value)}
                      aria-label={header}
                      data-testid={`table-import-map-${i}`}
                    >
                      <option value="">{t('tio.skip')}</option>
                      {targets.map((target) => (
                        <option key={target.field} value={target.field}>
                          {target.header}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!keyMapped && (
            <p className="tio-warning" role="alert" data-testid="table-import-key-required">
              {t('tio.keyRequired', { key: io.keyColumn.header })}
            </p>
          )}
          <p data-testid="table-import-summary">
            {t('tio.summary', {
              rows: plan.rows.length,
              changed: plan.changedCells,
              same: plan.sameCells,
              problems: problems.length,
            })}
          </p>
          <PreviewTable
            plan={plan.rows}
            headerOf={headerOf}
            mapping={mapping}
            keyField={io.keyColumn.field}
          />
          {problems.length > 0 && (
            <div className="eg-errors" role="alert" data-testid="table-import-problems">
              <div>{t('tio.problems')}</div>
              <ul>
                {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                  <li key={i}>{problemLine(p)}</li>
                ))}
                {problems.length > PROBLEMS_SHOWN && (
                  <li>{t('tio.more', { n: problems.length - PROBLEMS_SHOWN })}</li>
                )}
              </ul>
              <button type="button" onClick={downloadProblems} data-testid="table-import-download">
                {t('tio.download')}
              </button>
            </div>
          )}
          {fromServer !== null && fromServer.length === 0 && busy === null && (
            <p className="tio-done" role="status" data-testid="table-import-checked">
              {t('tio.checkedOk')}
            </p>
          )}
          {keyMapped && plan.problems.length === 0 && plan.changes.length === 0 && (
            <p className="muted" role="status" data-testid="table-import-nothing">
              {t('tio.nothing')}
            </p>
          )}
          <div className="tio-actions">
            <button
              type="button"
              disabled={!canSend || busy !== null}
              onClick={() => void run('checking')}
              data-testid="table-import-check"
            >
              {busy === 'checking' ? t('tio.checking') : t('tio.check')}
            </button>
            <button
              type="button"
              className="eg-save"
              disabled={!canSend || busy !== null || (fromServer !== null && fromServer.length > 0)}
              onClick={() => void run('committing')}
              data-testid="table-import-commit"
            >
              {busy === 'committing' ? t('tio.committing') : t('tio.commit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function PreviewTable(props: {
  plan: readonly PlannedRow[];
  mapping: ColumnMapping;
  keyField: string;
  headerOf: (field: string | null) => string;
}) {
  const t = useT();
  const fields = props.mapping.filter((f): f is string => f !== null && f !== props.keyField);
  const rows = props.plan.slice(0, PREVIEW_ROWS);
  return (
    <div className="tio-preview-wrap">
      <div className="muted">{t('tio.preview', { n: rows.length })}</div>
      <table className="tio-preview" data-testid="table-import-preview">
        <thead>
          <tr>
            <th>{t('tio.line')}</th>
            <th>{props.headerOf(props.keyField)}</th>
            {fields.map((f) => (
              <th key={f}>{props.headerOf(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.key === null ? 'tio-row-unknown' : undefined}>
              <td>{row.line}</td>
              <td>{row.keyText}</td>
              {fields.map((f) => {
                const cell = row.cells.find((c) => c.field === f);
                return (
                  <td key={f} className={cell ? `tio-cell-${cell.status}` : undefined}>
                    {cell?.text ?? ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
