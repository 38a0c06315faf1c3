import { BOROUGHS, EXPLORE_COLUMNS, EXPLORE_CUBE_EXTRACT_TABLES, EXPLORE_DETAIL_TABLES, exploreCubeSql, exploreExtentSql, quoteIdentifier, type ExploreExtentRow } from '@pathfinder/metrics';
import { duckDb } from './duckdb.ts';
import { ExploreDetail } from './explore-detail.ts';
import { fetchExtract, type ExtractSource } from './fetch-extract.ts';
import { reportProgress } from './load-progress.ts';
import { insertArrowParts, parquetAsArrowIpc } from './parquet-batches.ts';
import { WasmQueryRunner } from './wasm-query-runner.ts';

/**
 * Whose numbers Explore has: `public` (borough cube, disclosure-controlled, no practice detail) or
 * a token's exact counts: `icb` (its ICB's boroughs and practices) or `all` (every London borough and practice).
 */
export type ExploreLevel = 'public' | 'icb' | 'all';

/** Whose numbers a cube holds, from the disclosure control its answer says it applied and the boroughs it has. */
export const exploreLevel = (disclosure: string, boroughs: readonly string[]): ExploreLevel => (disclosure !== 'none' ? 'public' : boroughs.length === BOROUGHS.length ? 'all' : 'icb');

/** What Explore knows of the caller's borough cube, from the server's first answer or from DuckDB-WASM. */
export interface ExploreCube {
  readonly level: ExploreLevel;
  /** Boroughs the cube has (the scope's): practice detail can be loaded for these. */
  readonly boroughs: readonly string[];
  /** Rows of the doses cube the views query, and its first and last month (ISO dates of the 1st). */
  readonly cubeRows: number;
  readonly first: string;
  readonly last: string;
}

/** The borough cubes in DuckDB-WASM, what Explore needs to know about them, and the practice detail loaded on demand. */
export interface ExploreData extends ExploreCube {
  /** The release the cubes come from, and which load of the tables this is (each replaces the last's). */
  readonly release: string;
  readonly load: number;
  readonly runner: WasmQueryRunner;
  readonly detail: ExploreDetail;
}

const CUBES = [
  { file: 'immunisation-borough-monthly.parquet', table: EXPLORE_CUBE_EXTRACT_TABLES.doses, columns: EXPLORE_COLUMNS.doses },
  { file: 'immunisation-borough-population.parquet', table: EXPLORE_CUBE_EXTRACT_TABLES.population, columns: EXPLORE_COLUMNS.population },
] as const;

// One DuckDB holds one source's tables at a time: loading another replaces them.
let loaded: { source: ExtractSource; data: Promise<ExploreData> } | undefined;
let loads = 0;

/**
 * Downloads the borough cubes of a release in the caller's scope (with the tab's token, or as the
 * public) into DuckDB-WASM and builds the tables the views query (`exploreCubeSql`); once per release
 * and token: later calls share the promise. Practice detail is left for `ExploreDetail` to load when asked.
 */
export function loadExploreData(source: ExtractSource): Promise<ExploreData> {
  if (loaded?.source.token !== source.token || loaded.source.release !== source.release) {
    const data = load(source).catch((error: unknown) => {
      if (loaded?.data === data) loaded = undefined;
      throw error;
    });
    loaded = { source, data };
  }
  return loaded.data;
}

/** Runs a loading step inside a `pf:load:<step>` User Timing measure, so a slow first view can be taken apart. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`pf:load:${name}`, { start, end: performance.now() });
  }
}

async function load(source: ExtractSource): Promise<ExploreData> {
  const number = ++loads;
  // DuckDB starts (a 34 MB wasm to compile) while the cubes download and decode: neither waits for the other.
  const cubes = Promise.all(CUBES.map(async ({ file, columns }) => {
    const extract = await step('download', () => fetchExtract(file, source));
    return { disclosure: extract.disclosure, parts: await step('decode', () => parquetAsArrowIpc(extract.bytes, columns)) };
  }));
  // Awaited after the engine starts, perhaps after it fails: handled now, so the browser reports no unhandled rejection.
  cubes.catch(() => undefined);
  const db = await step('engine', duckDb);
  const runner = await WasmQueryRunner.connect(db);
  const decoded = await cubes;
  if (new Set(decoded.map((c) => c.disclosure)).size !== 1) throw new Error('The borough cubes came with different disclosure control; reload the page.');
  await step('insert', async () => {
    for (const table of [...Object.values(EXPLORE_DETAIL_TABLES), ...Object.values(EXPLORE_CUBE_EXTRACT_TABLES)]) await runner.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    for (const [i, { file, table }] of CUBES.entries()) {
      await insertArrowParts(runner, decoded[i]!.parts, table, true, (part, parts) => reportProgress({ step: 'loading', label: `Loading ${file} into DuckDB (part ${part} of ${parts})`, loaded: null, total: null }));
    }
  });
  await step('cube', async () => {
    for (const statement of exploreCubeSql()) await runner.all(statement);
  });
  const [extent] = await runner.all<ExploreExtentRow>(exploreExtentSql());
  if (!extent?.first || !extent.last || !extent.boroughs) throw new Error('The borough cube has no doses for your scope, so there is nothing to explore.');
  const boroughs = extent.boroughs.split(',');
  const level = exploreLevel(decoded[0]!.disclosure, boroughs);
  reportProgress({ step: 'ready', label: 'Ready', loaded: null, total: null });
  return { release: source.release, load: number, runner, level, boroughs, cubeRows: extent.cubeRows, first: extent.first, last: extent.last, detail: new ExploreDetail(runner, source, boroughs) };
}
