import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ReleaseVerificationError, quoteIdentifier, type ReleaseManifest } from '@pathfinder/metrics';
import { AreaDirectory, type PracticeAreaRow } from './area-directory.ts';
import type { OpenRelease, StoreOptions } from './data-store.ts';
import { duckDbRunner } from './duckdb-runner.ts';
import { MaterializedTables } from './materialized-tables.ts';
import type { ReleaseFolder } from './release-folder.ts';
import { EMPTY_AREAS_VIEW, PARQUET_VIEWS, createIcsViews, createObservationViews, parquet } from './release-views.ts';

/** A release the store opened, and can close once no request uses it (its queries still running are interrupted). */
export interface OpenedRelease extends OpenRelease {
  close(): Promise<void>;
}

/** Connections per release: each runs one query at a time, so several let requests overlap. */
const POOL_SIZE = 4;

/** Verifies a release, opens it and does its preparation before anyone is given it. */
export async function openPrepared(folder: ReleaseFolder, id: string, options: StoreOptions): Promise<OpenedRelease> {
  const { manifest, problems } = await folder.verify(id);
  if (!manifest || problems.length > 0) throw new ReleaseVerificationError(id, problems);
  const release = await openRelease(folder, manifest, options.threads);
  await options.prepare?.(release).catch((error: unknown) => console.error(JSON.stringify({ level: 'error', msg: 'preparing release failed', release: id, error: String(error) })));
  return release;
}

/**
 * Opens a verified release: an in-memory database whose views point at its Parquet files. Only
 * files its manifest lists are read: anything else in the folder was never verified.
 */
async function openRelease(releases: ReleaseFolder, manifest: ReleaseManifest, threads: number | undefined): Promise<OpenedRelease> {
  const dir = releases.releaseDir(manifest.id);
  const listed = new Set(manifest.files.map((f) => f.path));
  const instance = await DuckDBInstance.create(':memory:', threads === undefined ? {} : { threads: String(threads) });
  const pool = await Promise.all(Array.from({ length: POOL_SIZE }, () => instance.connect()));
  const runner = duckDbRunner(pool);
  let areas: AreaDirectory;
  try {
    for (const [view, file] of Object.entries(PARQUET_VIEWS)) {
      if (listed.has(file)) await pool[0]!.run(`CREATE VIEW ${quoteIdentifier(view)} AS SELECT * FROM ${parquet(path.join(dir, file))}`);
    }
    await createObservationViews(pool[0]!, dir, listed);
    if (!listed.has(PARQUET_VIEWS.areas!)) await pool[0]!.run(EMPTY_AREAS_VIEW);
    areas = new AreaDirectory(await runner.all<PracticeAreaRow & Record<string, unknown>>({ text: 'SELECT * FROM areas', params: [] }));
    await createIcsViews(pool[0]!, areas);
  } catch (error) {
    // The server goes on (with the releases it serves, or the next one at start): free this database.
    for (const c of pool) c.closeSync();
    instance.closeSync();
    throw error;
  }
  let closed = false;
  return {
    manifest,
    runner,
    dir,
    areas,
    hasEvents: listed.has(PARQUET_VIEWS.doses!),
    tables: new MaterializedTables(runner),
    close: async () => {
      if (closed) return;
      closed = true;
      // A background build may be mid-query: interrupt it and wait, as closing a connection under its query deadlocks DuckDB.
      await runner.stop();
      for (const c of pool) c.closeSync();
      instance.closeSync();
    },
  };
}
