import { EXPLORE_EXTRACT_TABLES, exploreCubeSql, exploreExtentSql, quoteIdentifier, type ExploreExtentRow } from '@pathfinder/metrics';
import { duckDb } from './duckdb.ts';
import { fetchWithProgress } from './fetch-with-progress.ts';
import { reportProgress } from './load-progress.ts';
import { parquetAsArrowBatches } from './parquet-batches.ts';
import { WasmQueryRunner } from './wasm-query-runner.ts';

/** The extracts in DuckDB-WASM and what Explore needs to know about them. */
export interface ExploreData {
  readonly runner: WasmQueryRunner;
  /** Rows of the weekly extract table and of the doses cube the views query, and the first and last week (ISO Mondays). */
  readonly rows: number;
  readonly cubeRows: number;
  readonly first: string;
  readonly last: string;
}

const EXTRACTS = [
  { file: 'immunisation-weekly.parquet', table: EXPLORE_EXTRACT_TABLES.weekly },
  { file: 'immunisation-population.parquet', table: EXPLORE_EXTRACT_TABLES.population },
] as const;

let loaded: { token: string | null; data: Promise<ExploreData> } | undefined;

/**
 * Downloads the caller's extracts (with the tab's token) into DuckDB-WASM tables, then builds the
 * smaller tables the views query (`exploreCubeSql`); once per token: later calls share the promise.
 */
export function loadExploreData(token: string | null): Promise<ExploreData> {
  if (loaded?.token !== token) {
    const data = load(token).catch((error: unknown) => {
      if (loaded?.data === data) loaded = undefined;
      throw error;
    });
    loaded = { token, data };
  }
  return loaded.data;
}

async function load(token: string | null): Promise<ExploreData> {
  const db = await duckDb();
  const runner = await WasmQueryRunner.connect(db);
  for (const { file, table } of EXTRACTS) {
    const label = `Downloading ${file}`;
    const { bytes, headers } = await fetchWithProgress(`/api/v1/extracts/${file}`, token ? { Authorization: `Bearer ${token}` } : {}, (done, total) =>
      reportProgress({ step: 'download', label, loaded: done, total }));
    if (headers.get('X-Disclosure') !== 'none') {
      throw new Error('This token gets the public, borough × month extract; Explore’s cross-filters need the practice × week detail that region and ICB tokens get.');
    }
    await runner.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    for await (const batch of parquetAsArrowBatches(bytes)) {
      reportProgress({ step: 'loading', label: `Loading ${file} into DuckDB (part ${batch.index + 1} of ${batch.count})`, loaded: null, total: null });
      await runner.insertArrowIpc(batch.ipc, table, batch.index === 0);
    }
  }
  reportProgress({ step: 'loading', label: 'Summing the extract for the linked views', loaded: null, total: null });
  for (const statement of exploreCubeSql()) await runner.all(statement);
  const [extent] = await runner.all<ExploreExtentRow>(exploreExtentSql());
  if (!extent?.first || !extent.last) throw new Error('The weekly extract has no doses for your scope, so there is nothing to explore.');
  reportProgress({ step: 'ready', label: 'Ready', loaded: null, total: null });
  return { runner, rows: extent.rows, cubeRows: extent.cubeRows, first: extent.first, last: extent.last };
}
