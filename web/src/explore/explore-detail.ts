import { useSyncExternalStore } from 'react';
import { EXPLORE_COLUMNS, EXPLORE_CUBE_EXTRACT_TABLES, EXPLORE_DETAIL_TABLES, exploreBoroughs, exploreCrossSql, exploreDetailRowsSql, quoteIdentifier, type ExploreDetailRowsRow, type ExploreFilter } from '@pathfinder/metrics';
import { fetchExtract, type ExtractSource } from './fetch-extract.ts';
import { insertArrowParts, parquetAsArrowIpc } from './parquet-batches.ts';
import type { WasmQueryRunner } from './wasm-query-runner.ts';
import { formatMegabytes } from '../format/format-number.ts';

/** What of the finer data is in DuckDB-WASM, beyond the borough cube. */
export interface DetailState {
  /** Boroughs whose practice × week rows are loaded, in code order. */
  readonly boroughs: readonly string[];
  /** Rows of the practice × week table. */
  readonly rows: number;
  /** Whether the deprivation quintile × ethnic group rows of the doses cube are loaded. */
  readonly cross: boolean;
  /** What is loading now, in words (with bytes or parts); null when idle. */
  readonly loading: string | null;
}

const mb = (bytes: number) => `${formatMegabytes(bytes)} MB`;

/**
 * The data a token's analyst drills down to, loaded on demand into the same DuckDB-WASM: practice ×
 * week rows a borough at a time (`immunisation-weekly.parquet?borough=…` and its population), and
 * the cube's quintile × ethnic group rows. Loads run one after another and only add rows, so a
 * query keyed by the loaded boroughs always sees the same rows. A React store (`useExploreDetail`).
 */
export class ExploreDetail {
  private state: DetailState = { boroughs: [], rows: 0, cross: false, loading: null };
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param scope boroughs the token may load detail of (the cube's); others are skipped
   */
  constructor(private readonly runner: WasmQueryRunner, private readonly source: ExtractSource, readonly scope: readonly string[]) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly snapshot = (): DetailState => this.state;

  /**
   * Loads the practice × week detail of the boroughs not loaded yet (only those in scope) and
   * resolves to every borough loaded. Without a token there is none to load: it rejects.
   */
  practices(boroughs: readonly string[]): Promise<readonly string[]> {
    return this.serially(async () => {
      if (!this.source.token) throw new Error('Practice detail needs an ICS or regional access token.');
      const missing = boroughs.filter((b) => this.scope.includes(b) && !this.state.boroughs.includes(b));
      // The next borough downloads while this one goes into DuckDB.
      let next = missing.length > 0 ? this.download(missing[0]!, 1, missing.length) : null;
      for (const [i, borough] of missing.entries()) {
        const [weekly, population] = await next!;
        next = i + 1 < missing.length ? this.download(missing[i + 1]!, i + 2, missing.length) : null;
        this.set({ loading: `Loading practice detail, borough ${i + 1} of ${missing.length}, into DuckDB` });
        // Both tables get a borough's rows or neither, so a retry after a failure adds no row twice.
        await this.runner.run('BEGIN TRANSACTION');
        try {
          for (const [table, parts] of [[EXPLORE_DETAIL_TABLES.weekly, weekly], [EXPLORE_DETAIL_TABLES.population, population]] as const) {
            await insertArrowParts(this.runner, parts, table, !(await this.runner.tableExists(table)));
          }
          await this.runner.run('COMMIT');
        } catch (error) {
          await this.runner.run('ROLLBACK');
          throw error;
        }
        const [count] = await this.runner.all<ExploreDetailRowsRow>(exploreDetailRowsSql());
        this.set({ boroughs: [...this.state.boroughs, borough].sort(), rows: count?.rows ?? 0 });
      }
      return this.state.boroughs;
    });
  }

  /** Loads the cube's deprivation quintile × ethnic group rows (tokens only), once. */
  cross(): Promise<void> {
    return this.serially(async () => {
      if (this.state.cross) return;
      const file = 'immunisation-borough-monthly-cross.parquet';
      const { bytes } = await fetchExtract(file, this.source, { onProgress: (loaded) => this.set({ loading: `Downloading ethnic group × deprivation quintile rows: ${mb(loaded)}` }) });
      this.set({ loading: 'Loading ethnic group × deprivation quintile rows into DuckDB' });
      await this.runner.run(`DROP TABLE IF EXISTS ${quoteIdentifier(EXPLORE_CUBE_EXTRACT_TABLES.cross)}`);
      await insertArrowParts(this.runner, await parquetAsArrowIpc(bytes, EXPLORE_COLUMNS.doses), EXPLORE_CUBE_EXTRACT_TABLES.cross, true);
      for (const statement of exploreCrossSql()) await this.runner.all(statement);
      this.set({ cross: true });
    });
  }

  /** A borough's weekly and population detail, downloaded and decoded to Arrow. */
  private download(borough: string, n: number, of: number): Promise<[Uint8Array[], Uint8Array[]]> {
    const onProgress = (loaded: number, total: number | null) =>
      this.set({ loading: `Downloading practice detail, borough ${n} of ${of}: ${mb(loaded)}${total ? ` of ${mb(total)}` : ''}` });
    const decoded = (file: string, options: Parameters<typeof fetchExtract>[2]) => fetchExtract(file, this.source, options).then((e) => parquetAsArrowIpc(e.bytes));
    const both = Promise.all([
      decoded('immunisation-weekly.parquet', { borough, onProgress }),
      decoded('immunisation-population.parquet', { borough, onProgress: () => undefined }),
    ]);
    // Awaited later, perhaps after it fails: handled now, so the browser reports no unhandled rejection.
    both.catch(() => undefined);
    return both;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work).finally(() => this.set({ loading: null }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private set(change: Partial<DetailState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }
}

/** Boroughs a drill-down loads practice detail of: the selected ones in the token's scope, or the whole scope when none is selected. */
export function detailBoroughs(scope: readonly string[], filter: Pick<ExploreFilter, 'icbs' | 'boroughs'>): string[] {
  const selected = exploreBoroughs(filter);
  return selected.length > 0 ? selected.filter((b) => scope.includes(b)) : [...scope];
}

const NOTHING_TO_FOLLOW = () => () => undefined;
const NO_LOAD = () => false;

/** Whether detail is loading now (false before DuckDB-WASM has started: there is none to load yet), re-rendering when that changes. */
export function useDetailLoading(detail: ExploreDetail | undefined): boolean {
  return useSyncExternalStore(detail?.subscribe ?? NOTHING_TO_FOLLOW, detail ? () => detail.snapshot().loading !== null : NO_LOAD);
}

/** The detail's state, re-rendering on every change. */
export function useExploreDetail(detail: ExploreDetail): DetailState {
  return useSyncExternalStore(detail.subscribe, detail.snapshot);
}
