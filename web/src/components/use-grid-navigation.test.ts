import { describe, expect, it } from 'vitest';
import { nextCell } from './use-grid-navigation.ts';

// A 4-row grid: a header row, a benchmark row and two area rows, 3 cells each.
const ROWS = [3, 3, 3, 3];
const at = { row: 2, column: 1 };

describe('nextCell (the ARIA grid keys)', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(nextCell(at, 'ArrowRight', false, ROWS)).toEqual({ row: 2, column: 2 });
    expect(nextCell({ row: 2, column: 2 }, 'ArrowRight', false, ROWS)).toEqual({ row: 2, column: 2 });
    expect(nextCell(at, 'ArrowLeft', false, ROWS)).toEqual({ row: 2, column: 0 });
    expect(nextCell({ row: 2, column: 0 }, 'ArrowLeft', false, ROWS)).toEqual({ row: 2, column: 0 });
    expect(nextCell(at, 'ArrowDown', false, ROWS)).toEqual({ row: 3, column: 1 });
    expect(nextCell({ row: 3, column: 1 }, 'ArrowDown', false, ROWS)).toEqual({ row: 3, column: 1 });
    expect(nextCell({ row: 0, column: 1 }, 'ArrowUp', false, ROWS)).toEqual({ row: 0, column: 1 });
  });

  it('goes to the row’s ends with Home and End, the grid’s with Ctrl, and ten rows with Page Up and Down', () => {
    expect(nextCell(at, 'Home', false, ROWS)).toEqual({ row: 2, column: 0 });
    expect(nextCell(at, 'End', false, ROWS)).toEqual({ row: 2, column: 2 });
    expect(nextCell(at, 'Home', true, ROWS)).toEqual({ row: 0, column: 0 });
    expect(nextCell(at, 'End', true, ROWS)).toEqual({ row: 3, column: 2 });
    expect(nextCell({ row: 0, column: 1 }, 'PageDown', false, [3, ...Array(20).fill(3)])).toEqual({ row: 10, column: 1 });
    expect(nextCell(at, 'PageUp', false, ROWS)).toEqual({ row: 0, column: 1 });
  });

  it('keeps the column within a shorter row and ignores keys that do not move', () => {
    expect(nextCell({ row: 0, column: 2 }, 'ArrowDown', false, [3, 2])).toEqual({ row: 1, column: 1 });
    expect(nextCell(at, 'Enter', false, ROWS)).toBeNull();
    expect(nextCell(at, 'a', false, ROWS)).toBeNull();
  });
});
