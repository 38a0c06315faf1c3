import { useState, type ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';
import { csvLine } from '@pathfinder/metrics';
import { ariaSort, sortGlyph, useSortableTable } from './use-sortable-table.ts';
import { formatNumber, MISSING } from '../format/format-number.ts';

export interface Column<R> {
  readonly key: string;
  readonly header: string;
  /** Text for the cell and for CSV. */
  readonly value: (row: R) => string | number | null;
  /** Rich content for the cell; defaults to the text (numbers with one decimal). */
  readonly render?: (row: R) => ReactNode;
  readonly numeric?: boolean;
  /** Shown after the header's sort button (outside it, so it may be a link): such as a link to the glossary entry of the header's term. */
  readonly headerNote?: ReactNode;
}

const cellContent = <R,>(column: Column<R>, row: R): ReactNode => {
  if (column.render) return column.render(row);
  const value = column.value(row);
  return column.numeric && typeof value === 'number' ? formatNumber(value, 1) : (value ?? MISSING);
};

// nhsuk-frontend right-aligns numbers with a modifier of the cell's own class (…__header--numeric, …__cell--numeric).
const cellClass = (base: 'nhsuk-table__header' | 'nhsuk-table__cell', numeric: boolean | undefined) => (numeric ? `${base} ${base}--numeric num` : base);

/**
 * An accessible, sortable table (TanStack Table): the data behind every chart, and lists in their own right.
 * With `firstRows`, a long list shows its first rows in the chosen order and a button shows the rest: a
 * keyboard user does not Tab through hundreds of rows to pass it (the CSV always has every row).
 */
export function DataTable<R extends RowData>({ caption, columns, rows, rowKey, initialSort, captionHidden = false, firstRows }: { caption: string; columns: readonly Column<R>[]; rows: readonly R[]; rowKey: (row: R) => string; initialSort?: { key: string; descending?: boolean }; captionHidden?: boolean; firstRows?: number }) {
  const table = useSortableTable({ columns, rows, rowKey, initialSort });
  const [showAll, setShowAll] = useState(false);
  const byKey = new Map(columns.map((c) => [c.key, c]));
  if (rows.length === 0) return <p className="empty-state">No rows to show.</p>;
  const sorted = table.getRowModel().rows;
  const shortened = firstRows !== undefined && sorted.length > firstRows;
  const shown = shortened && !showAll ? sorted.slice(0, firstRows) : sorted;
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrollable table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1); an explicit role, not <section>, keeps page-section styles off */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table nhsuk-table">
          <caption className={captionHidden ? 'nhsuk-table__caption visually-hidden' : 'nhsuk-table__caption'}>{caption}</caption>
          <thead className="nhsuk-table__head">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="nhsuk-table__row">
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" className={cellClass('nhsuk-table__header', byKey.get(header.column.id)?.numeric)} aria-sort={ariaSort(direction)}>
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {byKey.get(header.column.id)?.header}
                        <span aria-hidden="true">{sortGlyph(direction)}</span>
                      </button>
                      {byKey.get(header.column.id)?.headerNote}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="nhsuk-table__body">
            {shown.map((row) => (
              <tr key={row.id} className="nhsuk-table__row">
                {row.getAllCells().map((cell, i) => {
                  const column = byKey.get(cell.column.id)!;
                  const content = cellContent(column, row.original);
                  return i === 0 ? (
                    <th key={cell.id} scope="row" className={cellClass('nhsuk-table__header', column.numeric)}>{content}</th>
                  ) : (
                    <td key={cell.id} className={cellClass('nhsuk-table__cell', column.numeric)}>{content}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shortened && (
        <p className="data-table__more">
          <span aria-live="polite">{showAll ? `All ${sorted.length} rows.` : `The first ${firstRows} of ${sorted.length} rows, in the order chosen above.`}</span>{' '}
          <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>{showAll ? `Show the first ${firstRows} only` : `Show all ${sorted.length} rows`}</button>
        </p>
      )}
    </>
  );
}

/** CSV text of exactly the columns and rows a table shows. */
export function tableCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return [csvLine(columns.map((c) => c.header)), ...rows.map((r) => csvLine(columns.map((c) => c.value(r))))].join('');
}
