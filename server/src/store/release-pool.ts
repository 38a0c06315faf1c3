import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StoreOptions } from './data-store.ts';
import { openPrepared, type OpenedRelease } from './release-opener.ts';
import type { ReleaseFolder } from './release-folder.ts';

/** A release that could not be opened: the error every request for it gets, and its folder's state then. */
interface Refusal {
  readonly error: unknown;
  readonly fingerprint: string;
  readonly since: number;
  checkedAt: number;
}

interface Pooled {
  readonly opening: Promise<OpenedRelease>;
  opened: OpenedRelease | null;
  lastUsed: number;
}

/** How often a refused release's folder is looked at again for a repair (ms). */
const RECHECK_MS = 5_000;
/** A refusal is forgotten after this long even if the folder looks unchanged (a failure that was not the files', ms). */
const REFUSAL_MS = 10 * 60_000;

/**
 * The releases the store has opened, by id. A release is verified, opened and prepared on first use;
 * concurrent first requests share that one open. One that fails is refused with the same error,
 * without hashing its files again on every request: it is tried again only when its folder changes
 * (a file replaced, added or removed, as a repair would), or after a while.
 */
export class ReleasePool {
  private readonly pooled = new Map<string, Pooled>();
  private readonly refused = new Map<string, Refusal>();

  constructor(
    private readonly folder: ReleaseFolder,
    private readonly options: StoreOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Release `id`, opened if it is not yet. `recheck`: look at a refused release's folder now rather
   * than at most every few seconds (the `current` pointer moved to it).
   */
  async get(id: string, recheck = false): Promise<OpenedRelease> {
    const known = this.use(id);
    if (known) return known;
    const refusal = this.refused.get(id);
    if (refusal) {
      const now = this.now();
      if (!recheck && now - refusal.checkedAt < RECHECK_MS) throw refusal.error;
      refusal.checkedAt = now;
      if (now - refusal.since < REFUSAL_MS && (await this.fingerprint(id)) === refusal.fingerprint) throw refusal.error;
      if (this.refused.get(id) === refusal) this.refused.delete(id);
    }
    return this.use(id) ?? this.open(id);
  }

  /** Closes the releases not used for `idleMs`, but those in `keep` (the current one). */
  closeIdle(idleMs: number, keep: ReadonlySet<string>): void {
    const before = this.now() - idleMs;
    for (const [id, pooled] of this.pooled) {
      if (keep.has(id) || pooled.opened === null || pooled.lastUsed > before) continue;
      this.pooled.delete(id);
      void pooled.opened.close();
    }
  }

  /** Closes every release, those still opening once they have opened. */
  async closeAll(): Promise<void> {
    const all = [...this.pooled.values()];
    this.pooled.clear();
    await Promise.all(all.map((pooled) => pooled.opening.then((release) => release.close(), () => undefined)));
  }

  /** Whether release `id` is open or being opened. */
  has(id: string): boolean {
    return this.pooled.has(id);
  }

  /** Notes release `id` as used now, so it is not closed as idle. */
  touch(id: string): void {
    this.use(id);
  }

  private use(id: string): Promise<OpenedRelease> | null {
    const pooled = this.pooled.get(id);
    if (!pooled) return null;
    pooled.lastUsed = this.now();
    return pooled.opening;
  }

  private open(id: string): Promise<OpenedRelease> {
    // Taken before verifying, so a file changed during verification is noticed as a change afterwards.
    const fingerprint = this.fingerprint(id);
    const opening = fingerprint.then(() => openPrepared(this.folder, id, this.options));
    const pooled: Pooled = { opening, opened: null, lastUsed: this.now() };
    this.pooled.set(id, pooled);
    opening.then(
      (release) => {
        pooled.opened = release;
      },
      async (error: unknown) => {
        if (this.pooled.get(id) === pooled) this.pooled.delete(id);
        const now = this.now();
        this.refused.set(id, { error, fingerprint: await fingerprint, since: now, checkedAt: now });
      },
    );
    return opening;
  }

  /** Every file and folder under the release's folder with its size and modification time. */
  private async fingerprint(id: string): Promise<string> {
    const dir = this.folder.releaseDir(id);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => null);
    if (entries === null) return 'missing';
    const stamps = await Promise.all(entries.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      const s = await stat(full).catch(() => null);
      return `${path.relative(dir, full)}:${s?.size ?? '-'}:${s?.mtimeMs ?? '-'}`;
    }));
    return stamps.sort().join('\n');
  }
}
