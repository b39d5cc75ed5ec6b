import { useT } from '../../i18n/I18nProvider';
import type { KeyedError } from './gridErrors';
import { CONFLICT } from './gridErrors';
import type { InvalidCell } from './editState';

interface GridErrorListProps {
  errors: readonly KeyedError[];
  /** Cells holding text their column could not read (shown until fixed or undone). */
  unreadable: readonly { key: string; field: string; cell: InvalidCell }[];
  positionOf: (key: string) => number;
  headerOf: (field: string) => string;
  onReload?: () => void;
}

// The first few are listed; every one is marked in its cell.
const UNREADABLE_SHOWN = 5;

export function GridErrorList(props: GridErrorListProps) {
  const { errors, unreadable, positionOf, headerOf, onReload } = props;
  const t = useT();
  const line = (e: { key: string | null; field: string | null; message: string }) => {
    if (e.key === null) {
      return e.message;
    }
    const row = positionOf(e.key);
    return e.field === null
      ? t('grid.errorRow', { row, message: e.message })
      : t('grid.errorCell', { row, field: headerOf(e.field), message: e.message });
  };
  const conflicts = errors.filter((e) => e.code === CONFLICT);
  const others = errors.filter((e) => e.code !== CONFLICT);
  return (
    <>
      {errors.length > 0 && (
        <div className="eg-errors" role="alert" data-testid="grid-errors">
          <div>{t('grid.errorsTitle')}</div>
          {conflicts.length > 0 && (
            <div className="eg-conflict" data-testid="grid-conflict">
              <p>
                {t('grid.conflict')}{' '}
                {onReload && (
                  <button type="button" onClick={onReload} data-testid="grid-conflict-reload">
                    {t('grid.conflictAction')}
                  </button>
                )}
              </p>
              <div>
                {t('grid.conflictRows', {
                  rows: conflicts.map((e) => (e.key === null ? '' : positionOf(e.key))).join(', '),
                })}
              </div>
            </div>
          )}
          {others.length > 0 && (
            <ul>
              {others.map((e, i) => (
                <li key={`e${i}`} data-code={e.code}>
                  {line(e)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {unreadable.length > 0 && errors.length === 0 && (
        <div className="eg-problems" role="status" data-testid="grid-unreadable">
          {t('grid.unreadable', { n: unreadable.length })}
          <ul>
            {unreadable.slice(0, UNREADABLE_SHOWN).map((u) => (
              <li key={`${u.key}|${u.field}`}>
                {line({ key: u.key, field: u.field, message: u.cell.message })}
              </li>
            ))}
            {unreadable.length > UNREADABLE_SHOWN && <li>…</li>}
          </ul>
        </div>
      )}
    </>
  );
}
