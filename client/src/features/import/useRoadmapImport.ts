import { useCallback, useRef, useState } from 'react';

import { gql } from '../../api/graphql';
import type { ImportRoadmapData, ImportRoadmapInput, ImportRoadmapResult } from './import.queries';
import { IMPORT_ROADMAP_MUTATION } from './import.queries';
import { readImportFile } from './importFile';

interface ImportState {
  municipalityId: string;
  file: File | null;
  busy: 'preview' | 'commit' | null;
  // The exact input that passed the preview: commit sends it again, not a re-read file.
  input: ImportRoadmapInput | null;
  result: ImportRoadmapResult | null;
  error: unknown;
}

const blank = (municipalityId: string, file: File | null): ImportState => ({
  municipalityId,
  file,
  busy: null,
  input: null,
  result: null,
  error: null,
});

async function runImport(input: ImportRoadmapInput, dryRun: boolean) {
  const data = await gql<ImportRoadmapData>(IMPORT_ROADMAP_MUTATION, { input, dryRun });
  return data.importRoadmap;
}

export function useRoadmapImport(municipalityId: string, file: File | null) {
  const [stored, setStored] = useState<ImportState>(() => blank('', null));
  const request = useRef(0);
  // State of another municipality or file is stale: no commit without a fresh preview.
  const current =
    stored.municipalityId === municipalityId && stored.file === file
      ? stored
      : blank(municipalityId, file);

  const preview = useCallback(async () => {
    if (!file || !municipalityId) {
      return;
    }
    const id = ++request.current;
    const base = blank(municipalityId, file);
    setStored({ ...base, busy: 'preview' });
    try {
      const input = { municipalityId, ...(await readImportFile(file)) };
      const result = await runImport(input, true);
      if (id === request.current) {
        setStored({ ...base, input, result });
      }
    } catch (error) {
      if (id === request.current) {
        setStored({ ...base, error });
      }
    }
  }, [file, municipalityId]);

  const previewed = current.input;
  const commit = useCallback(
    async (title: string) => {
      if (!previewed) {
        return;
      }
      const id = ++request.current;
      setStored((s) => ({ ...s, busy: 'commit', error: null }));
      try {
        const input = { ...previewed, title: title.trim() || undefined };
        const result = await runImport(input, false);
        if (id === request.current) {
          setStored((s) => ({ ...s, busy: null, result }));
        }
      } catch (error) {
        if (id === request.current) {
          // The preview stays, so the user can fix the cause and try again.
          setStored((s) => ({ ...s, busy: null, error }));
        }
      }
    },
    [previewed],
  );

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
