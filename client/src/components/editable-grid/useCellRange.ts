// Cell range selection on top of AG Grid Community: mouse drag, shift+click, shift+arrows,
// Ctrl+A, and the fill handle at the range's bottom-right corner. The range lives in refs and is
// painted through cell classes, so moving it re-renders only the affected visible rows.
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { MARKER_COL_ID } from './buildColumnDefs';
import type { Bounds, CellPos, CellRange } from './range';
import { boundsOf, contains, fillBounds, moveEnd, sameBounds, singleCell } from './range';
import type { GridItem } from './types';

/** Size of the fill handle, px from the corner cell's bottom-right edge. */
const HANDLE_PX = 9;

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** How cell classes ask whether a cell is selected (read at render time, not captured). */
export interface RangePainter {
  inRange: (rowIndex: number | null, colId: string) => boolean;
  isCorner: (rowIndex: number | null, colId: string) => boolean;
  inFill: (rowIndex: number | null, colId: string) => boolean;
}

function dataColumnIds(api: GridApi<GridItem>): string[] {
  // The row marker and AG Grid's own columns (row checkboxes) are not data cells.
  return api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => id !== MARKER_COL_ID && !id.startsWith('ag-Grid-'));
}

function cellAt(
  target: EventTarget | null,
): { rowIndex: number; colId: string; el: Element } | null {
  if (!(target instanceof Element)) {
    return null;
  }
  const el = target.closest('.ag-cell[col-id]');
  const rowEl = el?.closest('.ag-row[row-index]');
  if (!el || !rowEl || rowEl.classList.contains('ag-row-pinned')) {
    return null;
  }
  const rowIndex = Number(rowEl.getAttribute('row-index'));
  return Number.isInteger(rowIndex)
    ? { rowIndex, colId: el.getAttribute('col-id') ?? '', el }
    : null;
}

export function useCellRange(
  apiRef: RefObject<GridApi<GridItem> | null>,
  /** The element holding the grid: its rendered cells are painted directly. */
  rootRef: RefObject<HTMLElement | null>,
  onFill: (source: Bounds, target: Bounds, columns: readonly string[]) => void,
) {
  const rangeRef = useRef<CellRange | null>(null);
  const fillRef = useRef<{ source: Bounds; target: Bounds } | null>(null);
  const colsRef = useRef<string[]>([]);
  const dragging = useRef(false);
  // A shift+click extends the range; AG Grid's focus move that follows must not collapse it.
  const keepOnFocus = useRef(false);
  const [bounds, setBounds] = useState<Bounds | null>(null);

  const columns = useCallback((): string[] => {
    const api = apiRef.current;
    if (api) {
      colsRef.current = dataColumnIds(api);
    }
    return colsRef.current;
  }, [apiRef]);

  const painter: RangePainter = useMemo(
    () => ({
      inRange: (rowIndex, colId) => {
        const range = rangeRef.current;
        if (!range || rowIndex === null) {
          return false;
        }
        const b = boundsOf(range);
        // One cell is just the focused cell: AG Grid draws that itself.
        return (
          !(b.top === b.bottom && b.left === b.right) &&
          contains(b, rowIndex, colsRef.current.indexOf(colId))
        );
      },
      isCorner: (rowIndex, colId) => {
        const range = rangeRef.current;
        if (!range || rowIndex === null) {
          return false;
        }
        const b = boundsOf(range);
        return rowIndex === b.bottom && colsRef.current.indexOf(colId) === b.right;
      },
      inFill: (rowIndex, colId) => {
        const fill = fillRef.current;
        if (!fill || rowIndex === null) {
          return false;
        }
        const col = colsRef.current.indexOf(colId);
        return contains(fill.target, rowIndex, col) && !contains(fill.source, rowIndex, col);
      },
    }),
    [],
  );

  // Classes are set on the rendered cells directly: a refresh through AG Grid would re-render
  // them, and a double click whose first press moved the range would then miss its cell.
  // Cells rendered later (scrolling) get the same classes from the column's cellClassRules.
  const repaint = useCallback(() => {
    const root = rootRef.current;
    if (!root) {
      return;
    }
    for (const rowEl of root.querySelectorAll('.ag-row[row-index]')) {
      const rowIndex = Number(rowEl.getAttribute('row-index'));
      for (const cellEl of rowEl.querySelectorAll('.ag-cell[col-id]')) {
        const colId = cellEl.getAttribute('col-id') ?? '';
        cellEl.classList.toggle('eg-cell-range', painter.inRange(rowIndex, colId));
        cellEl.classList.toggle('eg-range-corner', painter.isCorner(rowIndex, colId));
        cellEl.classList.toggle('eg-cell-fill', painter.inFill(rowIndex, colId));
      }
    }
  }, [painter, rootRef]);

  const setRange = useCallback(
    (next: CellRange | null) => {
      const before = rangeRef.current ? boundsOf(rangeRef.current) : null;
      rangeRef.current = next;
      const after = next ? boundsOf(next) : null;
      if (!sameBounds(before, after)) {
        repaint();
        setBounds(after);
      }
    },
    [repaint],
  );

  const setFill = useCallback(
    (next: { source: Bounds; target: Bounds } | null) => {
      const before = fillRef.current?.target ?? null;
      fillRef.current = next;
      if (!sameBounds(before, next?.target ?? null)) {
        repaint();
      }
    },
    [repaint],
  );

  const posOf = useCallback(
    (rowIndex: number, colId: string): CellPos | null => {
      const col = columns().indexOf(colId);
      return col < 0 ? null : { row: rowIndex, col };
    },
    [columns],
  );

  const onMouseDownCapture = useCallback(
    (e: ReactMouseEvent<HTMLDivElement>) => {
      const hit = e.button === 0 ? cellAt(e.target) : null;
      const pos = hit && posOf(hit.rowIndex, hit.colId);
      if (!hit || !pos || hit.el.classList.contains('ag-cell-inline-editing')) {
        return;
      }
      const range = rangeRef.current;
      const rect = hit.el.getBoundingClientRect();
      const onHandle =
        hit.el.classList.contains('eg-range-corner') &&
        e.clientX >= rect.right - HANDLE_PX &&
        e.clientY >= rect.bottom - HANDLE_PX;
      if (onHandle && range) {
        // The fill handle: AG Grid must not take this press as a click on the cell.
        e.preventDefault();
        e.stopPropagation();
        setFill({ source: boundsOf(range), target: boundsOf(range) });
        return;
      }
      if (e.shiftKey && range) {
        keepOnFocus.current = true;
        setRange({ anchor: range.anchor, end: pos });
        return;
      }
      dragging.current = true;
      setRange(singleCell(pos));
    },
    [posOf, setFill, setRange],
  );

  const onMouseOver = useCallback(
    (e: ReactMouseEvent<HTMLDivElement>) => {
      if (!dragging.current && !fillRef.current) {
        return;
      }
      const hit = cellAt(e.target);
      const pos = hit && posOf(hit.rowIndex, hit.colId);
      if (!pos) {
        return;
      }
      const fill = fillRef.current;
      if (fill) {
        setFill({ source: fill.source, target: fillBounds(fill.source, pos) });
      } else if (rangeRef.current) {
        setRange({ anchor: rangeRef.current.anchor, end: pos });
      }
    },
    [posOf, setFill, setRange],
  );

  // The button may be released outside the grid.
  useEffect(() => {
    const up = () => {
      dragging.current = false;
      const fill = fillRef.current;
      if (fill) {
        setFill(null);
        if (!sameBounds(fill.source, fill.target)) {
          setRange({
            anchor: { row: fill.target.top, col: fill.target.left },
            end: { row: fill.target.bottom, col: fill.target.right },
          });
          onFill(fill.source, fill.target, columns());
        }
      }
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [columns, onFill, setFill, setRange]);

  /** AG Grid moved the focus (click or arrow key): the range becomes that cell, as in Excel. */
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridItem>) => {
      if (e.rowIndex === null || e.rowPinned || !e.column || typeof e.column === 'string') {
        return;
      }
      if (keepOnFocus.current || dragging.current) {
        keepOnFocus.current = false;
        return;
      }
      const pos = posOf(e.rowIndex, e.column.getColId());
      if (pos) {
        const range = rangeRef.current;
        const same = range && range.anchor.row === pos.row && range.anchor.col === pos.col;
        if (!same) {
          setRange(singleCell(pos));
        }
      }
    },
    [posOf, setRange],
  );

  /** Shift+arrows, Ctrl+A and Escape; true when the key was the range's. */
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>): boolean => {
      const api = apiRef.current;
      const range = rangeRef.current;
      if (!api) {
        return false;
      }
      const ids = columns();
      const rowCount = api.getDisplayedRowCount();
      const arrow = ARROWS[e.key];
      if (arrow && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && range) {
        const next = moveEnd(range, arrow[0], arrow[1], rowCount, ids.length);
        setRange(next);
        api.ensureIndexVisible(next.end.row);
        api.ensureColumnVisible(ids[next.end.col]);
        return true;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyA' && rowCount > 0) {
        setRange({ anchor: { row: 0, col: 0 }, end: { row: rowCount - 1, col: ids.length - 1 } });
        return true;
      }
      if (
        e.key === 'Escape' &&
        range &&
        (range.anchor.row !== range.end.row || range.anchor.col !== range.end.col)
      ) {
        setRange(singleCell(range.anchor));
        return true;
      }
      return false;
    },
    [apiRef, columns, setRange],
  );

  const current = useCallback((): Bounds | null => {
    columns();
    return rangeRef.current ? boundsOf(rangeRef.current) : null;
  }, [columns]);

  return {
    bounds,
    current,
    columns,
    setRange,
    painter,
    onMouseDownCapture,
    onMouseOver,
    onCellFocused,
    onKeyDown,
  };
}
