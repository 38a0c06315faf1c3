import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EXPLORE_EXTRACT_TABLES, EXPLORE_TABLES } from '@pathfinder/metrics';
import { DataTable, formatNumber, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob } from '../components/download.ts';
import { errorMessage } from '../components/panel-error.tsx';
import { exploreQueries, SQL_ROW_LIMIT } from './explore-queries.ts';
import type { ExploreData } from './load-explore-data.ts';

type Row = Record<string, unknown>;
const EXAMPLE = `SELECT borough_code, sum(doses) AS doses\nFROM ${EXPLORE_EXTRACT_TABLES.weekly}\nWHERE vaccine = 'mmr' AND dose = 1\nGROUP BY borough_code\nORDER BY doses DESC`;

const cellValue = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * A read-only SQL box over the loaded tables: one SELECT or WITH query runs with a row limit, its
 * rows show in a table and download as CSV. The submitted text is kept in the URL (`sql`).
 */
export function ExploreSqlBox({ data, submitted, onSubmit }: { data: ExploreData; submitted: string | undefined; onSubmit: (sql: string) => void }) {
  const [text, setText] = useState(submitted ?? EXAMPLE);
  const id = useId();
  const query = useQuery({ ...exploreQueries.sql(data, submitted ?? ''), enabled: Boolean(submitted) });
  const rows = query.data ?? [];
  const shown = useMemo(() => rows.slice(0, SQL_ROW_LIMIT), [rows]);
  const rowKeys = useMemo(() => new Map(shown.map((r, i) => [r, String(i)])), [shown]);
  const columns = useMemo<Column<Row>[]>(() => Object.keys(rows[0] ?? {}).map((key) => ({
    key, header: key, value: (r) => cellValue(r[key]), numeric: typeof rows[0]![key] === 'number',
    render: (r) => (typeof r[key] === 'number' ? formatNumber(r[key], Number.isInteger(r[key]) ? 0 : 3) : cellValue(r[key]) ?? '–'),
  })), [rows]);
  return (
    <section className="panel explore-sql" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Query the extract with SQL</h2>
      <p className="field__hint" id={`${id}-hint`}>
        Read-only: one SELECT or WITH query over the extracts <code>{EXPLORE_EXTRACT_TABLES.weekly}</code> (practice × week × vaccine × dose × deprivation quintile × ethnic group × sex, column <code>doses</code>)
        and <code>{EXPLORE_EXTRACT_TABLES.population}</code> (practice × birth year × …, column <code>children</code>), or the views’ summed tables <code>{EXPLORE_TABLES.doses}</code> (borough × month × …)
        and <code>{EXPLORE_TABLES.population}</code>. At most {formatNumber(SQL_ROW_LIMIT, 0)} rows are shown.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(text); if (text === submitted) void query.refetch(); }}>
        <div className="field">
          <label htmlFor={id}>SQL query</label>
          <textarea id={id} className="explore-sql__text" rows={6} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
        </div>
        <button type="submit" className="button explore-sql__run">Run query</button>
      </form>
      {query.isError && <p className="panel-error" role="alert"><strong>Query refused or failed.</strong> {errorMessage(query.error)}</p>}
      {query.isFetching && <p role="status">Running…</p>}
      {query.isSuccess && (
        <div className="explore-sql__result" data-testid="explore-sql-result">
          <div className="chart-panel__head">
            <p role="status">{rows.length > SQL_ROW_LIMIT ? `First ${formatNumber(SQL_ROW_LIMIT, 0)} rows shown; the query returns more.` : `${formatNumber(rows.length, 0)} row${rows.length === 1 ? '' : 's'}.`}</p>
            <button type="button" className="button button--secondary" disabled={shown.length === 0} onClick={() => downloadBlob(new Blob([tableCsv(columns, shown)], { type: 'text/csv' }), 'explore-query.csv')}>Download CSV</button>
          </div>
          <DataTable caption="Query result" columns={columns} rows={shown} rowKey={(r) => rowKeys.get(r) ?? ''} captionHidden />
        </div>
      )}
    </section>
  );
}
