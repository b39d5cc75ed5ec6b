import { useCallback, useMemo, useRef, useState } from 'react';

import { gql, GraphQLRequestError } from '../../api/graphql';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import { confirmDiscard } from '../../components/editable-grid';
import { useT } from '../../i18n/I18nProvider';
import type { ImportRoadmapData, ImportRoadmapInput, ImportRoadmapResult } from './import.queries';
import { IMPORT_ROADMAP_MUTATION } from './import.queries';
import { importFieldHeader } from './importColumns';
import { readImportFile } from './importFile';
import type { ImportRow, PlannedRow } from './importRow';
import { mapRowErrors, plannedRows, rowsFromPreview, toImportInput } from './importRow';

export interface ImportForm {
  municipalityId: string;
  file: File | null;
  // Sent with the save: the server finds an already imported roadmap by title and period.
  title: string;
}

type SavedRoadmap = NonNullable<ImportRoadmapResult['roadmap']>;

interface ImportState {
  // The document and municipality the preview is of; another one needs a new preview.
  municipalityId: string;
  file: File | null;
  busy: 'preview' | 'commit' | null;
  // The document as read for the preview: every save sends it again with the rows.
  input: ImportRoadmapInput | null;
  result: ImportRoadmapResult | null;
  // The rows the grid starts from (the parsed ones; after a save, the stored ones).
  rows: ImportRow[];
  // The server's refusals of rows the grid did not send as changed, by row id.
  serverNotes: ReadonlyMap<string, string>;
  // Refused rows of the last save, told by section and number.
  refused: string[];
  saved: SavedRoadmap | null;
  error: unknown;
  // Changes when the grid must start afresh (a new preview, a stored roadmap).
  generation: number;
}

const NO_NOTES: ReadonlyMap<string, string> = new Map();

const blank = (municipalityId: string, file: File | null, generation = 0): ImportState => ({
  municipalityId,
  file,
  busy: null,
  input: null,
  result: null,
  rows: [],
  serverNotes: NO_NOTES,
  refused: [],
  saved: null,
  error: null,
  generation,
});

async function runImport(input: ImportRoadmapInput, dryRun: boolean) {
  const data = await gql<ImportRoadmapData>(IMPORT_ROADMAP_MUTATION, { input, dryRun });
  return data.importRoadmap;
}

const isDuplicate = (error: unknown) =>
  error instanceof GraphQLRequestError && error.code === 'CONFLICT';

export function useRoadmapImport(form: ImportForm) {
  const t = useT();
  const headerOf = useCallback((field: string) => importFieldHeader(t, field), [t]);
  const [stored, setStored] = useState<ImportState>(() => blank(form.municipalityId, form.file));
  const request = useRef(0);
  const { municipalityId, file, title } = form;
  // A preview of another document or municipality is stale: no save without a fresh one.
  const current =
    stored.municipalityId === municipalityId && stored.file === file
      ? stored
      : blank(municipalityId, file, stored.generation + 1);

  const preview = useCallback(async () => {
    if (!file || !municipalityId) {
      return;
    }
    const id = ++request.current;
    const base = blank(municipalityId, file, stored.generation + 1);
    setStored({ ...base, busy: 'preview' });
    try {
      const input = { municipalityId, ...(await readImportFile(file)) };
      const result = await runImport({ ...input, title: title.trim() || undefined }, true);
      if (id === request.current) {
        setStored({ ...base, input, result, rows: rowsFromPreview(result) });
      }
    } catch (error) {
      if (id === request.current) {
        setStored({ ...base, error });
      }
    }
  }, [file, municipalityId, title, stored.generation]);

  const { input, rows } = current;

  /**
   * Stores the roadmap with these rows (one transaction on the server). Returns the server's row
   * errors mapped onto the grid; a refused duplicate or another failure is thrown.
   */
  const store = useCallback(
    // `describe`: list the refused rows above the grid (the grid lists them itself on its Save).
    async (planned: PlannedRow[], describe: boolean) => {
      if (!input) {
        throw new Error('No preview');
      }
      const id = ++request.current;
      setStored((s) => ({ ...s, busy: 'commit', error: null, refused: [], serverNotes: NO_NOTES }));
      try {
        const result = await runImport(
          {
            ...input,
            title: title.trim() || undefined,
            activities: planned.map((p) => toImportInput(p.row)),
          },
          false,
        );
        const mapped = mapRowErrors(t, result.errors, planned, headerOf);
        if (id === request.current) {
          setStored((s) =>
            result.ok
              ? {
                  ...s,
                  busy: null,
                  saved: result.roadmap,
                  // What the server stored, its schedules and executors found anew.
                  result,
                  rows: rowsFromPreview(result),
                  generation: s.generation + 1,
                }
              : {
                  ...s,
                  busy: null,
                  serverNotes: mapped.notes,
                  refused: describe ? mapped.described : [],
                },
          );
        }
        return mapped;
      } catch (error) {
        if (id === request.current) {
          // The preview and the edits stay, so the user can fix the cause and try again.
          setStored((s) => ({ ...s, busy: null, error }));
        }
        throw error;
      }
    },
    [headerOf, input, t, title],
  );

  /** The grid's Save: its loaded rows with the user's edits, added rows, without deleted ones. */
  const saveEdited = useCallback(
    async (changes: SaveChange<ImportRow>[], deleted: ImportRow[]): Promise<SaveResult> => {
      const planned = plannedRows(rows, changes, deleted);
      try {
        return { errors: (await store(planned, false)).grid };
      } catch (error) {
        if (isDuplicate(error)) {
          // Told above the page with a link to the stored roadmap; the grid keeps the edits.
          return {
            errors: [{ index: -1, field: null, code: 'DUPLICATE', message: t('import.duplicate') }],
          };
        }
        throw error;
      }
    },
    [rows, store, t],
  );

  /** «Импортировать»: the rows as the grid loaded them, without edits not saved in the grid. */
  const commit = useCallback(async () => {
    if (!confirmDiscard(t('import.grid.unsavedEdits'))) {
      return;
    }
    try {
      await store(
        rows.map((row) => ({ row, change: null })),
        true,
      );
    } catch {
      // Shown by the page from the state.
    }
  }, [rows, store, t]);

  const gridRows = useMemo(
    () =>
      current.serverNotes.size === 0
        ? rows
        : rows.map((row) => {
            const note = row.id === null ? undefined : current.serverNotes.get(row.id);
            return note ? { ...row, notes: row.notes ? `${row.notes}; ${note}` : note } : row;
          }),
    [rows, current.serverNotes],
  );

  const saved = current.saved;
  return {
    busy: current.busy,
    result: current.result,
    rows: gridRows,
    generation: current.generation,
    refused: current.refused,
    saved,
    error: current.error,
    canPreview: municipalityId !== '' && file !== null && current.busy === null,
    // A saved roadmap is not imported twice by a second click.
    canCommit: input !== null && saved === null && current.busy === null,
    hasPreview: input !== null && saved === null,
    preview,
    commit,
    saveEdited,
  };
}
