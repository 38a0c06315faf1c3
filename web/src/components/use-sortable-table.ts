import { createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortDirection } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Column } from './data-table.tsx';

const SORTABLE = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

type CellValue = string | number | undefined;

/** Numbers by size, anything else as text in the reader's collation: ascending only (the table reverses it). */
const compareCells = (x: CellValue, y: CellValue): number => (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));

/**
 * Our columns as TanStack column definitions. A missing value (null) becomes undefined, which
 * TanStack keeps last in both directions; the first click sorts ascending, whatever the type.
 */
const sortableColumns = <R extends RowData>(columns: readonly Column<R>[]): ColumnDef<typeof SORTABLE, R, unknown>[] =>
  columns.map((c) => ({
    id: c.key,
    header: c.header,
    accessorFn: (row: R) => c.value(row) ?? undefined,
    sortFn: (a, b, id) => compareCells(a.getValue<CellValue>(id), b.getValue<CellValue>(id)),
    sortUndefined: 'last' as const,
    sortDescFirst: false,
  }));

/** The `aria-sort` of a column header in a given sort state. */
export const ariaSort = (direction: false | SortDirection): 'ascending' | 'descending' | 'none' =>
  direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';

/** The arrow a sighted user sees beside a column heading (hidden from screen readers, which read `aria-sort`). */
export const sortGlyph = (direction: false | SortDirection): string => (direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ' ↕');

/**
 * A TanStack table over `rows` sorted by one column at a time: selecting a heading sorts by it
 * ascending, selecting it again reverses it; there is no unsorted state once a column is chosen.
 */
export function useSortableTable<R extends RowData>({ columns, rows, rowKey, initialSort }: {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  initialSort?: { key: string; descending?: boolean } | undefined;
}) {
  const columnDefs = useMemo(() => sortableColumns(columns), [columns]);
  return useTable({
    features: SORTABLE,
    columns: columnDefs,
    data: rows,
    getRowId: rowKey,
    initialState: { sorting: initialSort ? [{ id: initialSort.key, desc: initialSort.descending ?? false }] : [] },
    enableSortingRemoval: false,
    enableMultiSort: false,
  });
}
