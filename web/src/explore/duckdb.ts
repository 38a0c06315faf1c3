import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { reportProgress } from './load-progress.ts';

let started: Promise<AsyncDuckDB> | undefined;

/**
 * DuckDB-WASM in a Web Worker, started on first call and shared by every later one (one memoised
 * promise; a failed start is forgotten so a retry starts again). The library, worker and wasm are
 * Vite assets served by our own server: nothing comes from a CDN, as the CSP requires.
 */
export function duckDb(): Promise<AsyncDuckDB> {
  started ??= start().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

async function start(): Promise<AsyncDuckDB> {
  reportProgress({ step: 'engine', label: 'Starting DuckDB', loaded: null, total: null });
  const duckdb = await import('@duckdb/duckdb-wasm');
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  if (!bundle.mainWorker) throw new Error('DuckDB-WASM chose a bundle without a worker script');
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  try {
    // bytesTotal is the Content-Length, which counts compressed bytes when the wasm comes Brotli- or
    // gzip-compressed, while bytesLoaded counts them decompressed: no total then.
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
      reportProgress({ step: 'engine', label: 'Downloading DuckDB', loaded: p.bytesLoaded, total: p.bytesTotal >= p.bytesLoaded ? p.bytesTotal : null }));
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  } catch (error) {
    await db.terminate();
    throw new Error(`DuckDB-WASM could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return db;
}
