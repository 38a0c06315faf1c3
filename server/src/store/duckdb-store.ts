import { unwatchFile, watchFile } from 'node:fs';
import type { ReleaseManifest } from '@pathfinder/metrics';
import { ReleaseNotFoundError, type DataStore, type OpenRelease, type StoreOptions } from './data-store.ts';
import { ReleaseFolder } from './release-folder.ts';
import { ReleaseListing } from './release-listing.ts';
import type { OpenedRelease } from './release-opener.ts';
import { ReleasePool } from './release-pool.ts';

/** A release no request has asked for this long is closed (ms); it opens again, verified, when asked for. */
const IDLE_MS = 10 * 60_000;

/**
 * DuckDB over the releases of a data directory: an in-memory database per release whose views
 * point at the release's Parquet files, opened only after every file passes verification against
 * its manifest. The current release (the `current` pointer's) answers requests that name none;
 * others open on first use (`release(id)`). Switching release opens the new one first and swaps the
 * pointer atomically for new requests; the old one stays open for requests that name it, or still
 * use it, until it has been idle a while. A release that fails to open is not switched to, and
 * the one being served stays.
 */
export class DuckDbStore implements DataStore {
  private watching = false;
  private refreshing: Promise<boolean> | null = null;
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly folder: ReleaseFolder,
    private readonly pool: ReleasePool,
    private readonly listing: ReleaseListing,
    private serving: OpenedRelease,
    private degradedBecause: string | null,
  ) {
    this.sweeper = setInterval(() => this.pool.closeIdle(IDLE_MS, new Set([this.serving.manifest.id])), IDLE_MS / 2).unref();
  }

  /**
   * Opens the current release; if it fails verification (or to open), the newest release that
   * passes instead, noting why in `degradation()`. Throws, giving every reason, when none passes.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<DuckDbStore> {
    const folder = new ReleaseFolder(dataDir);
    const id = await folder.currentId();
    if (!id) throw new Error(`no current release in ${dataDir}: run \`pnpm pathfinder generate\` or \`pnpm pathfinder import\` first`);
    const pool = new ReleasePool(folder, options);
    const listing = new ReleaseListing(folder);
    const failures: string[] = [];
    for (const candidate of [id, ...(await releasesNewestFirst(folder, listing)).filter((other) => other !== id)]) {
      try {
        return new DuckDbStore(folder, pool, listing, await pool.get(candidate), fallbackReason(failures));
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    await pool.closeAll();
    throw new Error(`no release in ${dataDir} can be served:\n  ${failures.join('\n  ')}`);
  }

  current(): OpenRelease {
    return this.serving;
  }

  degradation(): string | null {
    return this.degradedBecause;
  }

  async release(id: string): Promise<OpenRelease> {
    if (id === this.serving.manifest.id) return this.serving;
    // An open release answers without looking at the folder: requests naming one must not each list the directory.
    if (!this.pool.has(id) && !(await this.listing.has(id))) throw new ReleaseNotFoundError(id);
    return this.pool.get(id);
  }

  releases(): Promise<ReleaseManifest[]> {
    return this.listing.manifests();
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
    if (id === this.serving.manifest.id) {
      this.degradedBecause = null;
      return false;
    }
    let next: OpenedRelease;
    try {
      next = await this.pool.get(id, true);
    } catch (error) {
      this.degradedBecause = error instanceof Error ? error.message : String(error);
      throw error;
    }
    // The release replaced stays open for the requests using it (and those that name it) until it is idle.
    this.pool.touch(this.serving.manifest.id);
    this.serving = next;
    this.degradedBecause = null;
    return true;
  }

  /** Polls the `current` pointer (every `intervalMs`) and switches when it changes; calls `onSwitch` after. */
  watch(onSwitch: (release: OpenRelease) => void, intervalMs = 2000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.folder.pointerFile, { interval: intervalMs }, () => {
      this.refresh().then((switched) => switched && onSwitch(this.serving), (error) => console.error(JSON.stringify({ level: 'error', msg: 'release switch failed', serving: this.serving.manifest.id, error: String(error) })));
    });
  }

  async close(): Promise<void> {
    if (this.watching) unwatchFile(this.folder.pointerFile);
    clearInterval(this.sweeper);
    await this.pool.closeAll();
  }
}

/** Why the release opened is not the current one: the current one's failure, then any newer release skipped on the way. */
function fallbackReason(failures: readonly string[]): string | null {
  if (failures.length === 0) return null;
  return failures.length === 1 ? failures[0]! : `${failures[0]} (newer releases skipped too: ${failures.slice(1).join('; ')})`;
}

/** Ids of the data directory's releases, newest first; those whose manifest cannot be read last (they fail verification). */
async function releasesNewestFirst(folder: ReleaseFolder, listing: ReleaseListing): Promise<string[]> {
  const readable = (await listing.manifests()).map((m) => m.id);
  return [...readable, ...(await folder.ids()).filter((id) => !readable.includes(id))];
}
