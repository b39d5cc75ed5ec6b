// Geometry of a rectangular cell range (AG Grid Community has no range selection of its own).
// Rows are displayed row indexes, columns indexes into the grid's data columns in display order.

export interface CellPos {
  row: number;
  col: number;
}

/** Where the selection started (the active cell) and where it now ends. */
export interface CellRange {
  anchor: CellPos;
  end: CellPos;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function singleCell(pos: CellPos): CellRange {
  return { anchor: pos, end: pos };
}

export function boundsOf(range: CellRange): Bounds {
  return {
    top: Math.min(range.anchor.row, range.end.row),
    bottom: Math.max(range.anchor.row, range.end.row),
    left: Math.min(range.anchor.col, range.end.col),
    right: Math.max(range.anchor.col, range.end.col),
  };
}

export function contains(b: Bounds, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function isSingle(range: CellRange): boolean {
  return range.anchor.row === range.end.row && range.anchor.col === range.end.col;
}

export function sameBounds(a: Bounds | null, b: Bounds | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.top === b.top &&
      a.bottom === b.bottom &&
      a.left === b.left &&
      a.right === b.right)
  );
}

/** Shift+arrow: the far corner moves one cell, the anchor stays; clamped to the grid. */
export function moveEnd(
  range: CellRange,
  dRow: number,
  dCol: number,
  rowCount: number,
  colCount: number,
): CellRange {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, v));
  return {
    anchor: range.anchor,
    end: { row: clamp(range.end.row + dRow, rowCount), col: clamp(range.end.col + dCol, colCount) },
  };
}

/**
 * The block a fill-handle drag covers: the source range stretched down or right towards the
 * pointer, whichever way it went further (Excel fills in one direction at a time).
 */
export function fillBounds(source: Bounds, pointer: CellPos): Bounds {
  const below = pointer.row - source.bottom;
  const right = pointer.col - source.right;
  if (below <= 0 && right <= 0) {
    return source;
  }
  return below >= right ? { ...source, bottom: pointer.row } : { ...source, right: pointer.col };
}

/** Bounds in a row-then-column order for text output: values[r][c] over the block. */
export function blockIndexes(b: Bounds): { rows: number[]; cols: number[] } {
  const span = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return { rows: span(b.top, b.bottom), cols: span(b.left, b.right) };
}
