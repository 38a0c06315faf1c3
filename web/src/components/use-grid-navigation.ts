import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/** Row and column of a cell in a table's rows (header rows included). */
interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** What takes focus in a cell: its one link or button, else the cell itself. */
const focusTarget = (cell: HTMLTableCellElement): HTMLElement => cell.querySelector<HTMLElement>('a[href], button') ?? cell;

/** The cell a key moves to from `at` (`rows` holds each row's cell count); null when the key is not a move. */
export function nextCell(at: CellPosition, key: string, ctrl: boolean, rows: readonly number[]): CellPosition | null {
  const lastRow = rows.length - 1;
  const clampColumn = (row: number, column: number) => Math.min(column, (rows[row] ?? 1) - 1);
  switch (key) {
    case 'ArrowRight':
      return { row: at.row, column: clampColumn(at.row, at.column + 1) };
    case 'ArrowLeft':
      return { row: at.row, column: Math.max(0, at.column - 1) };
    case 'ArrowDown':
      return { row: Math.min(lastRow, at.row + 1), column: clampColumn(Math.min(lastRow, at.row + 1), at.column) };
    case 'ArrowUp':
      return { row: Math.max(0, at.row - 1), column: clampColumn(Math.max(0, at.row - 1), at.column) };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { row: at.row, column: 0 };
    case 'End':
      return ctrl ? { row: lastRow, column: clampColumn(lastRow, Number.MAX_SAFE_INTEGER) } : { row: at.row, column: clampColumn(at.row, Number.MAX_SAFE_INTEGER) };
    case 'PageDown':
      return { row: Math.min(lastRow, at.row + 10), column: clampColumn(Math.min(lastRow, at.row + 10), at.column) };
    case 'PageUp':
      return { row: Math.max(0, at.row - 10), column: clampColumn(Math.max(0, at.row - 10), at.column) };
    default:
      return null;
  }
}

/**
 * The ARIA grid pattern on a table (WAI-ARIA APG "Data Grid"): the whole table is one tab stop,
 * the arrow keys (and Home, End, Page Up, Page Down, Ctrl+Home, Ctrl+End) move between cells, and
 * Enter follows a cell's link as a link does. A keyboard user passes a 33 × 19 matrix with one Tab
 * instead of 600 and comes back to the cell they left. `initial` is where focus first lands.
 */
export function useGridNavigation(initial: CellPosition = { row: 0, column: 0 }): { ref: RefObject<HTMLTableElement | null>; onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void; onFocus: (event: FocusEvent<HTMLTableElement>) => void } {
  const ref = useRef<HTMLTableElement | null>(null);
  const active = useRef<CellPosition>(initial);

  const cellAt = useCallback((at: CellPosition) => ref.current?.rows[at.row]?.cells[at.column] ?? null, []);

  // After every render (rows come and go with filters), exactly one cell's target is in the tab order.
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    for (const row of table.rows) for (const cell of row.cells) focusTarget(cell).tabIndex = -1;
    // The cell last left, else the first one asked for, else the top left: never no tab stop.
    const at = [active.current, initial, { row: 0, column: 0 }].find((p) => cellAt(p) !== null);
    if (!at) return;
    active.current = at;
    focusTarget(cellAt(at)!).tabIndex = 0;
  });

  const moveTo = useCallback(
    (to: CellPosition) => {
      const from = cellAt(active.current), cell = cellAt(to);
      if (!cell) return;
      if (from) focusTarget(from).tabIndex = -1;
      active.current = to;
      const target = focusTarget(cell);
      target.tabIndex = 0;
      target.focus();
    },
    [cellAt],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableElement>) => {
      const table = ref.current;
      if (!table || event.altKey || event.shiftKey || event.metaKey) return;
      const rows = Array.from(table.rows, (r) => r.cells.length);
      const to = nextCell(active.current, event.key, event.ctrlKey, rows);
      if (!to) return;
      event.preventDefault();
      moveTo(to);
    },
    [moveTo],
  );

  // A click (or a screen reader's own cursor) puts focus in a cell: that cell becomes the tab stop.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLTableElement>) => {
      const cell = (event.target as HTMLElement).closest('td, th');
      const row = cell?.parentElement;
      if (!(cell instanceof HTMLTableCellElement) || !(row instanceof HTMLTableRowElement)) return;
      const to = { row: row.rowIndex, column: cell.cellIndex };
      if (to.row === active.current.row && to.column === active.current.column) return;
      const from = cellAt(active.current);
      if (from) focusTarget(from).tabIndex = -1;
      active.current = to;
      focusTarget(cell).tabIndex = 0;
    },
    [cellAt],
  );

  return { ref, onKeyDown, onFocus };
}
