import { useCallback, useRef, useState } from 'react';

import { gql } from '../../api/graphql';
import type { ImportRoadmapData, ImportRoadmapInput, ImportRoadmapResult } from './import.queries';
import { IMPORT_ROADMAP_MUTATION } from './import.queries';
import { readImportFile } from './importFile';

export interface ImportForm {
  municipalityId: string;
  file: File | null;
  // Part of the check: the server finds an already imported roadmap by title and period.
  title: string;
}

interface ImportState {
  form: ImportForm;
  busy: 'preview' | 'commit' | null;
  // The exact input that passed the preview: commit sends it again, not a re-read file.
  input: ImportRoadmapInput | null;
  result: ImportRoadmapResult | null;
  error: unknown;
}

const blank = (form: ImportForm): ImportState => ({
  form,
  busy: null,
  input: null,
  result: null,
  error: null,
});

const sameForm = (a: ImportForm, b: ImportForm) =>
  a.municipalityId === b.municipalityId && a.file === b.file && a.title.trim() === b.title.trim();

async function runImport(input: ImportRoadmapInput, dryRun: boolean) {
  const data = await gql<ImportRoadmapData>(IMPORT_ROADMAP_MUTATION, { input, dryRun });
  return data.importRoadmap;
}

export function useRoadmapImport(form: ImportForm) {
  const [stored, setStored] = useState<ImportState>(() => blank(form));
  const request = useRef(0);
  // A result for other form values is stale: no commit without a fresh preview.
  const current = sameForm(stored.form, form) ? stored : blank(form);
  const { municipalityId, file, title } = form;

  const preview = useCallback(async () => {
    if (!file || !municipalityId) {
      return;
    }
    const id = ++request.current;
    const base = blank({ municipalityId, file, title });
    setStored({ ...base, busy: 'preview' });
    try {
      const source = await readImportFile(file);
      const input = { municipalityId, ...source, title: title.trim() || undefined };
      const result = await runImport(input, true);
      if (id === request.current) {
        setStored({ ...base, input, result });
      }
    } catch (error) {
      if (id === request.current) {
        setStored({ ...base, error });
      }
    }
  }, [file, municipalityId, title]);

  const previewed = current.input;
  const commit = useCallback(async () => {
    if (!previewed) {
      return;
    }
    const id = ++request.current;
    setStored((s) => ({ ...s, busy: 'commit', error: null }));
    try {
      const result = await runImport(previewed, false);
      if (id === request.current) {
        setStored((s) => ({ ...s, busy: null, result }));
      }
    } catch (error) {
      if (id === request.current) {
        // The preview stays, so the user can fix the cause and try again.
        setStored((s) => ({ ...s, busy: null, error }));
      }
    }
  }, [previewed]);

  const saved = current.result?.roadmap ?? null;
  return {
    busy: current.busy,
    result: current.result,
    saved,
    error: current.error,
    canPreview: municipalityId !== '' && file !== null && current.busy === null,
    // A saved roadmap is not imported twice by a second click.
    canCommit: previewed !== null && saved === null && current.busy === null,
    preview,
    commit,
  };
}
