// Import of a campaign's results file: read (CSV or XLSX) → map columns to areas → preview →
// check by a dry run (nothing written; problems named by the file's row and column) → commit.
import { useMemo, useState } from 'react';

import { errorMessage, gql } from '../../api/graphql';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { SheetRow } from '../../components/table-import/sheet';
import { readSheetFile } from '../../components/table-import/sheet';
import type { ColumnMapping, ImportProblem, ImportRow } from './resultsFile';
import {
  allProblems,
  buildImportRows,
  findHeaderRow,
  guessMapping,
  toImportInputs,
  withServerProblems,
} from './resultsFile';
import type { CampaignArea } from './teacherLabels';
import { areaKey } from './teacherLabels';
import type { CompetencyArea, UpsertDiagnosticResultsData } from './teachers.queries';
import { UPSERT_DIAGNOSTIC_RESULTS_MUTATION } from './teachers.queries';

interface ResultsImportProps {
  campaignCode: string;
  areas: readonly CampaignArea[];
  onCommitted: () => void;
}

interface Checked {
  rows: ImportRow[];
  problems: ImportProblem[];
  created: number;
  updated: number;
}

const PREVIEW_ROWS = 200;

/** A problem as the operator reads it: the file's row, the column, what is wrong. */
export function problemText(t: Translate, problem: ImportProblem): string {
  const message =
    problem.message ??
    t(`tch.import.problem.${problem.code}` as Parameters<Translate>[0], {
      value: problem.value ?? '',
      max: problem.max ?? '',
    });
  const column =
    problem.column ?? (problem.field === 'scores' ? t('tch.import.fieldScores') : null);
  return column
    ? t('tch.import.problemCell', { line: problem.line, column, message })
    : t('tch.import.problemRow', { line: problem.line, message });
}

export function ResultsImport({ campaignCode, areas, onCommitted }: ResultsImportProps) {
  const { t, lang } = useI18n();
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<SheetRow[] | null>(null);
  const [headerIndex, setHeaderIndex] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState<'read' | 'check' | 'commit' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);

  const plan = useMemo(
    () => (sheet && mapping ? buildImportRows(sheet, headerIndex, mapping, areas) : null),
    [sheet, headerIndex, mapping, areas],
  );
  const headers = plan?.headers ?? [];

  const onFile = async (file: File | null) => {
    setChecked(null);
    setDone(null);
    setFailure(null);
    setSheet(null);
    setMapping(null);
    if (!file) {
      return;
    }
    setBusy('read');
    try {
      const rows = await readSheetFile(file);
      const header = findHeaderRow(rows);
      setFileName(file.name);
      setSheet(rows);
      setHeaderIndex(header);
      setMapping(guessMapping(rows[header]?.cells ?? [], areas));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const remap = (next: ColumnMapping) => {
    setMapping(next);
    setChecked(null);
    setDone(null);
  };
  const columnValue = (index: number | null | undefined) =>
    index === null || index === undefined ? '' : String(index);
  const columnIndex = (value: string) => (value === '' ? null : Number(value));

  const send = async (dryRun: boolean) => {
    if (!plan || !mapping) {
      return;
    }
    setBusy(dryRun ? 'check' : 'commit');
    setFailure(null);
    try {
      const { inputs, origins } = toImportInputs(plan.rows, campaignCode);
      let rows = plan.rows;
      let created = 0;
      let updated = 0;
      if (inputs.length > 0) {
        const data = await gql<UpsertDiagnosticResultsData>(UPSERT_DIAGNOSTIC_RESULTS_MUTATION, {
          rows: inputs,
          dryRun,
        });
        const result = data.upsertDiagnosticResults;
        rows = withServerProblems(plan, mapping, result.errors, origins);
        created = result.created;
        updated = result.updated;
      }
      const problems = allProblems(rows);
      setChecked({ rows, problems, created, updated });
      if (!dryRun && problems.length === 0 && inputs.length > 0) {
        setDone({ created, updated });
        onCommitted();
      }
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const shown = checked?.rows ?? plan?.rows ?? [];
  const problems = checked?.problems ?? [];
  const canCommit =
    checked !== null && problems.length === 0 && shown.length > 0 && busy === null && !done;

  return (
    <section className="tch-import" data-testid="diag-import">
      <h3>{t('tch.import.title')}</h3>
      <p className="muted">{t('tch.import.hint')}</p>
      <div className="filters">
        <label className="field">
          <span>{t('tch.import.file')}</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => void onFile(e.target.files?.[0] ?? null)}
            data-testid="diag-import-file"
          />
        </label>
        <div className="import-actions">
          <button
            type="button"
            disabled={!plan || busy !== null || plan.rows.length === 0}
            onClick={() => void send(true)}
            data-testid="diag-import-check"
          >
            {busy === 'check' ? t('tch.import.checking') : t('tch.import.check')}
          </button>
          <button
            type="button"
            disabled={!canCommit}
            onClick={() => void send(false)}
            data-testid="diag-import-commit"
          >
            {busy === 'commit' ? t('tch.import.committing') : t('tch.import.commit')}
          </button>
        </div>
      </div>
      {busy === 'read' && <p className="query-loading">{t('common.loading')}</p>}
      {failure !== null && (
        <p className="query-error" role="alert" data-testid="diag-import-failure">
          {t('common.error', { message: errorMessage(failure) })}
        </p>
      )}
      {plan && mapping && (
        <>
          <p className="muted" data-testid="diag-import-summary">
            {t('tch.import.summary', {
              file: fileName,
              rows: plan.rows.length,
              line: plan.headerLine ?? '—',
            })}
          </p>
          <div className="tch-mapping" data-testid="diag-import-mapping">
            <label className="field">
              <span>{t('tch.col.personnelCode')}</span>
              <select
                value={columnValue(mapping.personnelCode)}
                onChange={(e) => remap({ ...mapping, personnelCode: columnIndex(e.target.value) })}
                data-testid="map-personnelCode"
              >
                <option value="">{t('tch.import.notMapped')}</option>
                {headers.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `#${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
            {areas.map(({ area }) => (
              <label className="field" key={area}>
                <span>{t(areaKey(area))}</span>
                <select
                  value={columnValue(mapping.areas[area])}
                  onChange={(e) =>
                    remap({
                      ...mapping,
                      areas: { ...mapping.areas, [area]: columnIndex(e.target.value) },
                    })
                  }
                  data-testid={`map-${area}`}
                >
                  <option value="">{t('tch.import.notMapped')}</option>
                  {headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `#${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {checked && problems.length > 0 && (
            <div className="tch-import-problems" role="alert" data-testid="diag-import-problems">
              <p>{t('tch.import.problems', { n: problems.length })}</p>
              <ul>
                {problems.map((p, i) => (
                  <li
                    key={i}
                    data-testid="diag-import-problem"
                    data-line={p.line}
                    data-field={p.field}
                  >
                    {problemText(t, p)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {checked && problems.length === 0 && !done && (
            <p className="import-done" data-testid="diag-import-ok">
              {t('tch.import.checkedOk', { created: checked.created, updated: checked.updated })}
            </p>
          )}
          {done && (
            <p className="import-done" data-testid="diag-import-done">
              {t('tch.import.done', { created: done.created, updated: done.updated })}
            </p>
          )}
          <div className="import-table-wrap">
            <table className="import-table" data-testid="diag-import-preview">
              <thead>
                <tr>
                  <th className="import-col-number">{t('tch.import.line')}</th>
                  <th>{t('tch.col.personnelCode')}</th>
                  {areas.map(({ area }) => (
                    <th key={area}>{t(areaKey(area))}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, PREVIEW_ROWS).map((row) => {
                  const bad = (field: string) => row.problems.some((p) => p.field === field);
                  return (
                    <tr
                      key={row.line}
                      className={row.problems.length > 0 ? 'tch-import-bad' : undefined}
                      data-testid="diag-import-row"
                      data-line={row.line}
                    >
                      <td className="import-col-number">{row.line}</td>
                      <td className={bad('personnelCode') ? 'tch-cell-bad' : undefined}>
                        {row.personnelCode}
                      </td>
                      {areas.map(({ area }) => (
                        <td
                          key={area}
                          className={bad(area as CompetencyArea) ? 'tch-cell-bad' : 'ind-num'}
                        >
                          {row.scores[area] !== undefined
                            ? formatNumber(lang, row.scores[area], 2)
                            : (row.texts[area] ?? '')}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {shown.length > PREVIEW_ROWS && (
            <p className="muted">{t('tch.import.more', { n: shown.length - PREVIEW_ROWS })}</p>
          )}
        </>
      )}
    </section>
  );
}
