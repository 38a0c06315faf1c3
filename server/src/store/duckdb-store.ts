import { unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ICBS, OBSERVATION_COLUMNS, PUBLIC_OBSERVATION_COLUMNS, RELEASE_LAYOUT, ReleaseVerificationError, icsObservationsTable, newestReleaseFirst, quoteIdentifier, quoteLiteral, type ReleaseManifest } from '@pathfinder/metrics';
import { AreaDirectory, type PracticeAreaRow } from './area-directory.ts';
import type { CancellableRunner } from './cancellable-runner.ts';
import { duckDbRunner } from './duckdb-runner.ts';
import { MaterializedTables } from './materialized-tables.ts';
import { ReleaseFolder } from './release-folder.ts';

/** A release opened for querying: its manifest, its areas and a QueryRunner over its Parquet files. */
export interface OpenRelease {
  readonly manifest: ReleaseManifest;
  readonly runner: CancellableRunner;
  readonly areas: AreaDirectory;
  /** Folder of the release on disk. */
  readonly dir: string;
  /** Whether event-level immunisation data (children, doses) is present. */
  readonly hasEvents: boolean;
  /**
   * Tables derived once from the release's data (campaign cubes), so requests sum them instead of
   * scanning events. One object per opened release, shared by every request's view of it: also
   * what per-release memos are keyed by.
   */
  readonly tables: MaterializedTables;
}

export interface StoreOptions {
  /** Work a release does before it serves (building campaign cubes); a failure is logged and left to the first request. */
  readonly prepare?: (release: OpenRelease) => Promise<void>;
}

/** Where routes get data from; tests may pass any implementation. */
export interface DataStore {
  current(): OpenRelease;
  /**
   * Why the release being served is not the one the data directory names as current (it failed
   * verification or could not be opened), or null when it is. Absent: always the current one.
   */
  degradation?(): string | null;
  /** Re-reads the data directory's `current` pointer and switches release if it changed. */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}

const VIEWS: Record<string, string> = {
  areas: RELEASE_LAYOUT.areas,
  children: RELEASE_LAYOUT.children,
  doses: RELEASE_LAYOUT.doses,
};

/** Connections per release: each runs one query at a time, so several let requests overlap. */
const POOL_SIZE = 4;

/** Release that requests still use after a switch is closed this long after (ms). */
const DRAIN_MS = 30_000;

/**
 * DuckDB over the current release of a data directory: an in-memory database per release whose
 * views point at the release's Parquet files. A release is opened only after every file passes
 * verification against its manifest. Switching release opens the new one first, swaps the pointer
 * atomically for new requests, and closes the old one once in-flight requests drain; a release that
 * fails to open is not switched to, and the one being served stays.
 */
export class DuckDbStore implements DataStore {
  private watching = false;
  private refreshing: Promise<boolean> | null = null;

  private constructor(
    private readonly folder: ReleaseFolder,
    private readonly options: StoreOptions,
    private release: OpenedRelease,
    private degradedBecause: string | null,
  ) {}

  /**
   * Opens the current release; if it fails verification (or to open), the newest release that
   * passes instead, noting why in `degradation()`. Throws, giving every reason, when none passes.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<DuckDbStore> {
    const folder = new ReleaseFolder(dataDir);
    const id = await folder.currentId();
    if (!id) throw new Error(`no current release in ${dataDir}: run \`pnpm pathfinder generate\` or \`pnpm pathfinder import\` first`);
    const failures: string[] = [];
    for (const candidate of [id, ...(await releasesNewestFirst(folder)).filter((other) => other !== id)]) {
      try {
        return new DuckDbStore(folder, options, await openPrepared(folder, candidate, options), fallbackReason(failures));
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    throw new Error(`no release in ${dataDir} can be served:\n  ${failures.join('\n  ')}`);
  }

  current(): OpenRelease {
    return this.release;
  }

  degradation(): string | null {
    return this.degradedBecause;
  }

  /** Concurrent calls (the watcher and SIGHUP) share one switch, so a release is never opened twice. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.switchIfChanged().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async switchIfChanged(): Promise<boolean> {
    const id = await this.folder.currentId();
    if (!id) return false;
    if (id === this.release.manifest.id) {
      this.degradedBecause = null;
      return false;
    }
    let next: OpenedRelease;
    try {
      next = await openPrepared(this.folder, id, this.options);
    } catch (error) {
      this.degradedBecause = error instanceof Error ? error.message : String(error);
      throw error;
    }
    const previous = this.release;
    this.release = next;
    this.degradedBecause = null;
    setTimeout(() => previous.close(), DRAIN_MS).unref();
    return true;
  }

  /** Polls the `current` pointer (every `intervalMs`) and switches when it changes; calls `onSwitch` after. */
  watch(onSwitch: (release: OpenRelease) => void, intervalMs = 2000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.folder.pointerFile, { interval: intervalMs }, () => {
      this.refresh().then((switched) => switched && onSwitch(this.release), (error) => console.error(JSON.stringify({ level: 'error', msg: 'release switch failed', serving: this.release.manifest.id, error: String(error) })));
    });
  }

  async close(): Promise<void> {
    if (this.watching) unwatchFile(this.folder.pointerFile);
    this.release.close();
  }
}

interface OpenedRelease extends OpenRelease {
  close(): void;
}

/** Why the release opened is not the current one: the current one's failure, then any newer release skipped on the way. */
function fallbackReason(failures: readonly string[]): string | null {
  if (failures.length === 0) return null;
  return failures.length === 1 ? failures[0]! : `${failures[0]} (newer releases skipped too: ${failures.slice(1).join('; ')})`;
}

/** Ids of the data directory's releases, newest first; those whose manifest cannot be read last (they fail verification). */
async function releasesNewestFirst(folder: ReleaseFolder): Promise<string[]> {
  const ids = await folder.ids();
  const manifests = await Promise.all(ids.map((id) => folder.manifest(id).catch(() => null)));
  const readable = manifests.filter((m) => m !== null).sort(newestReleaseFirst).map((m) => m.id);
  return [...readable, ...ids.filter((id) => !readable.includes(id))];
}

/** Verifies a release, opens it and does its preparation before anyone is given it. */
async function openPrepared(folder: ReleaseFolder, id: string, options: StoreOptions): Promise<OpenedRelease> {
  const { manifest, problems } = await folder.verify(id);
  if (!manifest || problems.length > 0) throw new ReleaseVerificationError(id, problems);
  const release = await openRelease(folder, manifest);
  await options.prepare?.(release).catch((error: unknown) => console.error(JSON.stringify({ level: 'error', msg: 'preparing release failed', release: id, error: String(error) })));
  return release;
}

/** A Parquet file as a view reads it: a view's definition cannot take parameters, so its path is a quoted literal. */
const parquet = (file: string) => `read_parquet(${quoteLiteral(file)})`;

/**
 * `observations` (exact counts, for callers who may see them) and `public_observations` (the
 * release's public table, for everyone else), with the same columns: the exact rows are never
 * hidden. A release without a public table gets an empty one, so the public is shown nothing
 * rather than exact counts.
 */
async function createObservationViews(connection: DuckDBConnection, dir: string, listed: ReadonlySet<string>): Promise<void> {
  const exact = path.join(dir, RELEASE_LAYOUT.observations);
  const columns = Object.keys(OBSERVATION_COLUMNS).join(', ');
  await connection.run(listed.has(RELEASE_LAYOUT.observations)
    ? `CREATE VIEW observations AS SELECT ${columns}, false AS numerator_hidden, false AS denominator_hidden FROM ${parquet(exact)}`
    : `CREATE VIEW observations AS SELECT * FROM (SELECT ${Object.entries(PUBLIC_OBSERVATION_COLUMNS).map(([n, t]) => `NULL::${t} AS ${n}`).join(', ')}) WHERE false`);
  const publicTable = path.join(dir, RELEASE_LAYOUT.publicTable);
  if (listed.has(RELEASE_LAYOUT.publicTable)) await connection.run(`CREATE VIEW public_observations AS SELECT ${Object.keys(PUBLIC_OBSERVATION_COLUMNS).join(', ')} FROM ${parquet(publicTable)}`);
  else {
    console.error(JSON.stringify({ level: 'warn', msg: 'release has no public table: the public is shown no counts', dir }));
    await connection.run('CREATE VIEW public_observations AS SELECT * FROM observations WHERE false');
  }
}

/**
 * One view per ICB for its `ics` callers: exact rows of the ICB's own areas (the ICB, its
 * boroughs, PCNs and practices) and the public table's rows of every other area.
 */
async function createIcsViews(connection: DuckDBConnection, areas: AreaDirectory): Promise<void> {
  await connection.run('CREATE TABLE ics_areas (icb_code VARCHAR, area_code VARCHAR)');
  const appender = await connection.createAppender('ics_areas');
  for (const icb of ICBS) {
    for (const area of (['icb', 'borough', 'pcn', 'practice'] as const).flatMap((type) => areas.list(type))) {
      if (area.icbCode !== icb.code) continue;
      appender.appendVarchar(icb.code);
      appender.appendVarchar(area.code);
      appender.endRow();
    }
  }
  appender.closeSync();
  for (const icb of ICBS) {
    const own = `(SELECT area_code FROM ics_areas WHERE icb_code = ${quoteLiteral(icb.code)})`;
    await connection.run(`CREATE VIEW ${quoteIdentifier(icsObservationsTable(icb.code))} AS
SELECT * FROM observations WHERE area_code IN ${own}
UNION ALL
SELECT * FROM public_observations WHERE area_code NOT IN ${own}`);
  }
}

/** Opens a verified release. Only files its manifest lists are read: anything else in the folder was never verified. */
async function openRelease(releases: ReleaseFolder, manifest: ReleaseManifest): Promise<OpenedRelease> {
  const dir = releases.releaseDir(manifest.id);
  const listed = new Set(manifest.files.map((f) => f.path));
  const instance = await DuckDBInstance.create(':memory:');
  const pool = await Promise.all(Array.from({ length: POOL_SIZE }, () => instance.connect()));
  const runner = duckDbRunner(pool);
  let areaRows: (PracticeAreaRow & Record<string, unknown>)[];
  let areas: AreaDirectory;
  try {
    for (const [view, file] of Object.entries(VIEWS)) {
      const full = path.join(dir, file);
      if (listed.has(file)) await pool[0]!.run(`CREATE VIEW ${quoteIdentifier(view)} AS SELECT * FROM ${parquet(full)}`);
    }
    await createObservationViews(pool[0]!, dir, listed);
    if (!listed.has(VIEWS.areas!)) await pool[0]!.run(`CREATE VIEW areas AS SELECT NULL::VARCHAR AS area_code, NULL::VARCHAR AS area_name, NULL::VARCHAR AS area_type, NULL::VARCHAR AS parent_code, NULL::VARCHAR AS borough_code, NULL::VARCHAR AS icb_code, NULL::TINYINT AS deprivation_quintile WHERE false`);
    areaRows = await runner.all<PracticeAreaRow & Record<string, unknown>>({ text: 'SELECT * FROM areas', params: [] });
    areas = new AreaDirectory(areaRows);
    await createIcsViews(pool[0]!, areas);
  } catch (error) {
    // The server goes on (with the release it serves, or the next one at start): free this database.
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
    hasEvents: listed.has(VIEWS.doses!),
    tables: new MaterializedTables(runner),
    close: () => {
      if (closed) return;
      closed = true;
      for (const c of pool) c.closeSync();
      instance.closeSync();
    },
  };
}
