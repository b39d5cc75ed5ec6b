// Import of an olympiad protocol: read (CSV or XLSX) → find the header row and guess the columns
// → the user maps them and fills in what the file leaves out → preview → dry run (nothing
// written; problems named by the file's row and column) → one atomic write of the whole file.
import { useMemo, useState } from 'react';

import { errorMessage, gql } from '../../api/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import type { SheetRow } from '../../components/table-import/sheet';
import { readSheetFile } from '../../components/table-import/sheet';
import type { ImportProtocolData, OlympiadStage, SubjectNode } from './olympiads.queries';
import { IMPORT_PROTOCOL_MUTATION, VSOSH } from './olympiads.queries';
import { withServerProblems } from './protocolErrors';
import type { ProtocolDefaults, ProtocolProblem, ProtocolRow } from './protocolFile';
import { allProtocolProblems, buildProtocolRows, toProtocolInputs } from './protocolFile';
import type { ProtocolMapping } from './protocolHeaders';
import { findProtocolHeader, guessProtocolMapping } from './protocolHeaders';
import { ProtocolMappingForm } from './ProtocolMappingForm';
import { ProtocolPreview, ProtocolProblems } from './ProtocolPreview';

interface ProtocolImportProps {
  academicYear: string;
  stage: OlympiadStage | '';
  subject: string;
  years: readonly string[];
  subjects: readonly SubjectNode[];
  onCommitted: () => void;
}

interface Checked {
  rows: ProtocolRow[];
  problems: ProtocolProblem[];
  created: number;
  updated: number;
}

export function ProtocolImport(props: ProtocolImportProps) {
  const { t } = useI18n();
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<SheetRow[] | null>(null);
  const [headerIndex, setHeaderIndex] = useState(0);
  const [mapping, setMapping] = useState<ProtocolMapping | null>(null);
  const [defaults, setDefaults] = useState<ProtocolDefaults>({
    olympiadCode: VSOSH,
    academicYear: props.academicYear,
    stage: props.stage,
    subject: props.subject,
    maxScore: null,
  });
  const [replaceExisting, setReplaceExisting] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState<'read' | 'check' | 'commit' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);

  const plan = useMemo(
    () => (sheet && mapping ? buildProtocolRows(sheet, headerIndex, mapping, defaults) : null),
    [sheet, headerIndex, mapping, defaults],
  );

  const reset = () => {
    setChecked(null);
    setDone(null);
    setFailure(null);
  };

  const onFile = async (file: File | null) => {
    reset();
    setSheet(null);
    setMapping(null);
    if (!file) {
      return;
    }
    setBusy('read');
    try {
      const rows = await readSheetFile(file);
      const header = findProtocolHeader(rows);
      setFileName(file.name);
      setSheet(rows);
      setHeaderIndex(header);
      setMapping(guessProtocolMapping(rows[header]?.cells ?? []));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  // The whole protocol in one request: the server writes all of it or nothing.
  const send = async (dryRun: boolean) => {
    if (!plan || !mapping) {
      return;
    }
    setBusy(dryRun ? 'check' : 'commit');
    setFailure(null);
    try {
      const { inputs, origins } = toProtocolInputs(plan.rows, defaults.olympiadCode);
      let rows = plan.rows;
      let created = 0;
      let updated = 0;
      if (inputs.length > 0) {
        const data = await gql<ImportProtocolData>(IMPORT_PROTOCOL_MUTATION, {
          rows: inputs,
          dryRun,
          replaceExisting,
        });
        const result = data.upsertOlympiadRecords;
        rows = withServerProblems(plan, mapping, result.errors, origins);
        created = result.created;
        updated = result.updated;
      }
      const problems = allProtocolProblems(rows);
      setChecked({ rows, problems, created, updated });
      if (!dryRun && problems.length === 0 && inputs.length > 0) {
        setDone({ created, updated });
        props.onCommitted();
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
    <section className="oly-import" data-testid="oly-import">
      <h3>{t('oly.import.title')}</h3>
      <p className="muted">{t('oly.import.hint')}</p>
      <div className="filters">
        <label className="field">
          <span>{t('oly.import.file')}</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => void onFile(e.target.files?.[0] ?? null)}
            data-testid="oly-import-file"
          />
        </label>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={replaceExisting}
            onChange={(e) => {
              setReplaceExisting(e.target.checked);
              reset();
            }}
            data-testid="oly-import-replace"
          />
          <span title={t('oly.import.replaceHint')}>{t('oly.import.replace')}</span>
        </label>
        <div className="import-actions">
          <button
            type="button"
            disabled={!plan || busy !== null || plan.rows.length === 0}
            onClick={() => void send(true)}
            data-testid="oly-import-check"
          >
            {busy === 'check' ? t('oly.import.checking') : t('oly.import.check')}
          </button>
          <button
            type="button"
            disabled={!canCommit}
            onClick={() => void send(false)}
            data-testid="oly-import-commit"
          >
            {busy === 'commit' ? t('oly.import.committing') : t('oly.import.commit')}
          </button>
        </div>
      </div>
      {busy === 'read' && <p className="query-loading">{t('common.loading')}</p>}
      {failure !== null && (
        <p className="query-error" role="alert" data-testid="oly-import-failure">
          {t('common.error', { message: errorMessage(failure) })}
        </p>
      )}
      {plan && mapping && (
        <>
          <p className="muted" data-testid="oly-import-summary">
            {t('oly.import.summary', {
              file: fileName,
              rows: plan.rows.length,
              line: plan.headerLine ?? '—',
            })}
            {plan.skipped.length > 0 &&
              ` ${t('oly.import.skipped', { lines: plan.skipped.join(', ') })}`}
          </p>
          <ProtocolMappingForm
            headers={plan.headers}
            mapping={mapping}
            onMapping={(next) => {
              setMapping(next);
              reset();
            }}
            defaults={defaults}
            onDefaults={(next) => {
              setDefaults(next);
              reset();
            }}
            years={props.years}
            subjects={props.subjects}
          />
          {checked && problems.length > 0 && <ProtocolProblems problems={problems} />}
          {checked && problems.length === 0 && !done && (
            <p className="import-done" data-testid="oly-import-ok">
              {t('oly.import.checkedOk', { created: checked.created, updated: checked.updated })}
            </p>
          )}
          {done && (
            <p className="import-done" data-testid="oly-import-done">
              {t('oly.import.done', { created: done.created, updated: done.updated })}
            </p>
          )}
          <ProtocolPreview rows={shown} />
        </>
      )}
    </section>
  );
}
