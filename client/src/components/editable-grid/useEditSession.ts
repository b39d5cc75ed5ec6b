// State of one grid's edit session: overlay of local changes, undo history, errors, save flow.
import { useCallback, useMemo, useRef, useState } from 'react';

import type { Baseline, EditState, EditStep } from './editState';
import {
  applyStep,
  discardRows,
  emptyEditState,
  invalidCells,
  isEmptyStep,
  pendingChanges,
  pendingDeletes,
  revertStep,
} from './editState';
import type { KeyedError } from './gridErrors';
import { conflictKeys, keyErrors, withoutTouched } from './gridErrors';
import type { History } from './history';
import { emptyHistory, recordStep, redoStep, undoStep } from './history';
import type { EditableColumn, GridRowBase, SaveChange, SaveResult } from './types';

type Validator<R> = (changes: SaveChange<R>[], keys: string[]) => KeyedError[];

interface Session<R> {
  edit: EditState<R>;
  history: History<EditStep<R>>;
  errors: KeyedError[];
  saved: boolean;
}

export interface EditSessionOptions<R extends GridRowBase> {
  base: Baseline<R>;
  columns: readonly EditableColumn<R>[];
  onSave: (changes: SaveChange<R>[], deleted: R[]) => Promise<SaveResult>;
  onReload?: () => void | Promise<void>;
}

function initialSession<R>(nextTempId = 1): Session<R> {
  return {
    edit: emptyEditState<R>(nextTempId),
    history: emptyHistory(),
    errors: [],
    saved: false,
  };
}

function failure(error: unknown): KeyedError[] {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code?: unknown }).code ?? 'ERROR')
      : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  return [{ key: null, field: null, code, message }];
}

export function useEditSession<R extends GridRowBase>(options: EditSessionOptions<R>) {
  const [session, setSession] = useState<Session<R>>(() => initialSession<R>());
  const [saving, setSaving] = useState(false);
  const baseRef = useRef(options.base);
  baseRef.current = options.base;
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const savingRef = useRef(false);
  const fields = useMemo(
    () => new Set<string>(options.columns.map((c) => c.field)),
    [options.columns],
  );

  const apply = useCallback((step: EditStep<R>, nextTempId = 0) => {
    if (savingRef.current || isEmptyStep(step)) {
      return;
    }
    setSession((s) => ({
      ...s,
      edit: {
        ...applyStep(s.edit, baseRef.current, step),
        nextTempId: Math.max(s.edit.nextTempId, nextTempId),
      },
      history: recordStep(s.history, step),
      errors: withoutTouched(s.errors, step.cells),
      saved: false,
    }));
  }, []);

  const undo = useCallback(() => {
    if (savingRef.current) {
      return;
    }
    setSession((s) => {
      const result = undoStep(s.history);
      if (!result) {
        return s;
      }
      return {
        ...s,
        edit: revertStep(s.edit, baseRef.current, result.step),
        history: result.history,
      };
    });
  }, []);

  const redo = useCallback(() => {
    if (savingRef.current) {
      return;
    }
    setSession((s) => {
      const result = redoStep(s.history);
      if (!result) {
        return s;
      }
      return {
        ...s,
        edit: applyStep(s.edit, baseRef.current, result.step),
        history: result.history,
      };
    });
  }, []);

  const discard = useCallback(() => {
    setSession((s) => initialSession<R>(s.edit.nextTempId));
  }, []);

  const setLocalErrors = useCallback((errors: KeyedError[]) => {
    setSession((s) => ({ ...s, errors, saved: false }));
  }, []);

  const { onSave, onReload } = options;

  const save = useCallback(
    async (order: readonly string[], validate: Validator<R>) => {
      if (savingRef.current) {
        return;
      }
      const base = baseRef.current;
      const pending = pendingChanges(sessionRef.current.edit, base, order);
      const deletes = pendingDeletes(sessionRef.current.edit, base);
      const deleteKeys = sessionRef.current.edit.deleted.filter((k) => base.has(k));
      const keys = pending.map((p) => p.key);
      // Text a column could not read is never sent nor dropped: Save waits until it is fixed.
      const unreadable = invalidCells(sessionRef.current.edit, order).map(
        ({ key, field, cell }): KeyedError => ({
          key,
          field,
          code: 'BAD_USER_INPUT',
          message: cell.message,
        }),
      );
      if (unreadable.length > 0) {
        setLocalErrors(unreadable);
        return;
      }
      const changes: SaveChange<R>[] = pending.map((p, index) => ({
        index,
        row: p.row,
        changedFields: p.changedFields,
        isNew: p.isNew,
      }));
      const invalid = validate(changes, keys);
      if (invalid.length > 0) {
        setLocalErrors(invalid);
        return;
      }
      savingRef.current = true;
      setSaving(true);
      try {
        // One call, one transaction: row errors index the changes, then the deleted rows.
        const result = await onSave(changes, deletes);
        if (result.errors.length > 0) {
          setLocalErrors(keyErrors(result.errors, [...keys, ...deleteKeys], fields));
          return;
        }
        setSession((s) => ({ ...initialSession<R>(s.edit.nextTempId), saved: true }));
      } catch (error) {
        setLocalErrors(failure(error));
      } finally {
        savingRef.current = false;
        setSaving(false);
      }
    },
    [fields, onSave, setLocalErrors],
  );

  const reloadAfterConflict = useCallback(async () => {
    const keys = conflictKeys(sessionRef.current.errors);
    await onReload?.();
    // Local edits of conflicting rows were made on stale data: the user repeats them on fresh rows.
    setSession((s) => ({
      ...s,
      edit: discardRows(s.edit, keys),
      history: emptyHistory(),
      errors: [],
    }));
  }, [onReload]);

  return {
    session,
    saving,
    savingRef,
    apply,
    undo,
    redo,
    discard,
    save,
    setLocalErrors,
    reloadAfterConflict,
  };
}
