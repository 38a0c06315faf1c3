import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EXPLORE_DETAIL_TABLES, EXPLORE_TABLES, exploreDosesTable, type ExploreFilter } from '@pathfinder/metrics';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob } from '../components/download.ts';
import { errorMessage } from '../api/api-problem.ts';
import { PanelError } from '../components/panel-error.tsx';
import { detailBoroughs, useExploreDetail } from './explore-detail.ts';
import { exploreQueries, readsDetail, SQL_ROW_LIMIT } from './explore-queries.ts';
import type { ExploreData } from './load-explore-data.ts';
import { formatCount, formatNumber, MISSING } from '../format/format-number.ts';

type Row = Record<string, unknown>;
const EXAMPLE = `SELECT borough_code, sum(doses) AS doses\nFROM ${EXPLORE_TABLES.doses}\nWHERE breakdown = 'total' AND vaccine = 'mmr' AND dose = 1\nGROUP BY borough_code\nORDER BY doses DESC`;

const cellValue = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * A read-only SQL box over the loaded tables: one SELECT or WITH query runs with a row limit, its
 * rows show in a table and download as CSV. The submitted text is kept in the URL (`sql`). A query
 * naming a practice detail table waits for that detail to load (the page asks for it on submit).
 */
export function ExploreSqlBox({ data, filter, submitted, onSubmit }: { data: ExploreData; filter: ExploreFilter; submitted: string | undefined; onSubmit: (sql: string) => void }) {
  const [text, setText] = useState(submitted ?? EXAMPLE);
  const detail = useExploreDetail(data.detail);
  const id = useId();
  const needsDetail = Boolean(submitted && readsDetail(submitted));
  const refused = needsDetail && data.level === 'public';
  const wanted = detailBoroughs(data.boroughs, filter);
  const loading = useQuery({ ...exploreQueries.detail(data, wanted), enabled: needsDetail && !refused && wanted.length > 0 });
  const waiting = needsDetail && !refused && wanted.length > 0 && !loading.isSuccess;
  const query = useQuery({ ...exploreQueries.sql(data, submitted ?? '', { boroughs: needsDetail ? loading.data ?? [] : [], cross: detail.cross }), enabled: Boolean(submitted) && !refused && !waiting });
  const rows = query.data ?? [];
  const shown = useMemo(() => rows.slice(0, SQL_ROW_LIMIT), [rows]);
  const rowKeys = useMemo(() => new Map(shown.map((r, i) => [r, String(i)])), [shown]);
  const columns = useMemo<Column<Row>[]>(() => Object.keys(rows[0] ?? {}).map((key) => ({
    key, header: key, value: (r) => cellValue(r[key]), numeric: typeof rows[0]![key] === 'number',
    render: (r) => (typeof r[key] === 'number' ? formatNumber(r[key], Number.isInteger(r[key]) ? 0 : 3) : cellValue(r[key]) ?? MISSING),
  })), [rows]);
  return (
    <section className="panel explore-sql" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Query the data with SQL</h2>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        <p>Read-only: one SELECT or WITH query; at most {formatCount(SQL_ROW_LIMIT)} rows are shown. The tables:</p>
        <ul>
          <li>
            <code>{EXPLORE_TABLES.doses}</code> (borough_code, month, vaccine, dose, breakdown, deprivation_quintile, ethnic_group, doses) and <code>{EXPLORE_TABLES.population}</code> (borough_code,
            birth_year, breakdown, deprivation_quintile, ethnic_group, children): the borough cube the views use, always loaded. Each row counts one breakdown group:
            <code>breakdown</code> is <code>total</code>, <code>deprivation</code> (by quintile), <code>ethnicity</code>{data.level === 'public' ? '' : <>, or <code>deprivation-ethnicity</code> (both; loaded when a view first needs it)</>},
            so sum within one breakdown ({EXPLORE_TABLES.doses} is a view over a table per breakdown, <code>{exploreDosesTable('total')}</code> and so on).{data.level === 'public' && ' Counts of 1 to 7 are null, and so are a few others (the smallest) so that no hidden count can be worked out from the rest; the others are rounded to 5. The City of London is counted within Hackney.'}
          </li>
          {data.level === 'public' ? (
            <li>Practice-level tables (<code>{EXPLORE_DETAIL_TABLES.weekly}</code>, <code>{EXPLORE_DETAIL_TABLES.population}</code>) need an ICS or regional access token.</li>
          ) : (
            <li>
              <code>{EXPLORE_DETAIL_TABLES.weekly}</code> (practice_code, pcn_code, borough_code, icb_code, week, vaccine, dose, deprivation_quintile, ethnic_group, sex, doses) and <code>{EXPLORE_DETAIL_TABLES.population}</code> (practice_code, …, birth_year, …, children):
              practice detail, loaded for the selected boroughs (or your whole scope) when a query names them or you load practice detail. Loaded now: {detail.boroughs.length === 0 ? 'none' : `${detail.boroughs.length} borough${detail.boroughs.length === 1 ? '' : 's'}`}.
            </li>
          )}
        </ul>
      </div>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(text); if (text === submitted) void query.refetch(); }}>
        <div className="nhsuk-form-group field">
          <label className="nhsuk-label" htmlFor={id}>SQL query</label>
          <textarea id={id} className="nhsuk-textarea explore-sql__text" rows={6} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--small">Run query</button>
      </form>
      {refused && <p className="panel-error" role="alert"><strong>Query refused.</strong> {EXPLORE_DETAIL_TABLES.weekly} and {EXPLORE_DETAIL_TABLES.population} are practice-level detail, which needs an ICS or regional access token; query {EXPLORE_TABLES.doses} and {EXPLORE_TABLES.population} instead.</p>}
      {query.isError && <p className="panel-error" role="alert"><strong>Query refused or failed.</strong> {errorMessage(query.error)}</p>}
      {loading.isError && <PanelError error={loading.error} onRetry={() => void loading.refetch()} />}
      {waiting && !loading.isError && <p role="status">{detail.loading ?? 'Loading practice detail for the query…'}</p>}
      {query.isFetching && <p role="status">Running…</p>}
      {query.isSuccess && !refused && (
        <div className="explore-sql__result" data-testid="explore-sql-result">
          <div className="chart-panel__head">
            <p role="status">{rows.length > SQL_ROW_LIMIT ? `First ${formatCount(SQL_ROW_LIMIT)} rows shown; the query returns more.` : `${formatCount(rows.length)} row${rows.length === 1 ? '' : 's'}.`}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={shown.length === 0} onClick={() => downloadBlob(new Blob([tableCsv(columns, shown)], { type: 'text/csv' }), 'explore-query.csv')}>Download CSV</button>
          </div>
          <DataTable caption="Query result" columns={columns} rows={shown} rowKey={(r) => rowKeys.get(r) ?? ''} captionHidden />
        </div>
      )}
    </section>
  );
}
