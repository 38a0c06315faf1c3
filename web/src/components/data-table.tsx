import { useMemo, useState, type ReactNode } from 'react';
import { csvLine } from '@pathfinder/metrics';

export interface Column<R> {
  readonly key: string;
  readonly header: string;
  /** Text for the cell and for CSV. */
  readonly value: (row: R) => string | number | null;
  /** Rich content for the cell; defaults to the text. */
  readonly render?: (row: R) => ReactNode;
  readonly numeric?: boolean;
}

/** Formats a number for tables: en-GB digits, fixed decimals, dash for missing. */
export const formatNumber = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** An accessible, sortable table: the data behind every chart, and lists in their own right. */
export function DataTable<R>({ caption, columns, rows, rowKey, initialSort, captionHidden = false }: { caption: string; columns: readonly Column<R>[]; rows: readonly R[]; rowKey: (row: R) => string; initialSort?: { key: string; descending?: boolean }; captionHidden?: boolean }) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    return [...rows].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }, [rows, columns, sort]);
  if (rows.length === 0) return <p className="empty-state">No rows to show.</p>;
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrollable table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1); an explicit role, not <section>, keeps page-section styles off
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => setSort({ key: c.key, descending: active ? !sort!.descending : false })}>
                    {c.header}
                    <span aria-hidden="true">{active ? (sort!.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c, i) => {
                const content = c.render ? c.render(r) : c.numeric && typeof c.value(r) === 'number' ? formatNumber(c.value(r) as number, 1) : c.value(r) ?? '–';
                return i === 0 ? (
                  <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>{content}</th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>{content}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** CSV text of exactly the columns and rows a table shows. */
export function tableCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return [csvLine(columns.map((c) => c.header)), ...rows.map((r) => csvLine(columns.map((c) => c.value(r))))].join('');
}
