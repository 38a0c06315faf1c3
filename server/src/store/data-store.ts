import type { ReleaseManifest } from '@pathfinder/metrics';
import type { AreaDirectory } from './area-directory.ts';
import type { CancellableRunner } from './cancellable-runner.ts';
import type { MaterializedTables } from './materialized-tables.ts';

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
  /** Threads each release's database may use; DuckDB's default (one per core) when absent. */
  readonly threads?: number;
}

/** Thrown by `DataStore.release` for an id that names no release of the data directory. */
export class ReleaseNotFoundError extends Error {
  constructor(readonly releaseId: string) {
    super(`no release with id ${JSON.stringify(releaseId)}`);
    this.name = 'ReleaseNotFoundError';
  }
}

/** Where routes get data from; tests may pass any implementation. */
export interface DataStore {
  /** The release answering requests that name none. */
  current(): OpenRelease;
  /**
   * Why the release being served is not the one the data directory names as current (it failed
   * verification or could not be opened), or null when it is. Absent: always the current one.
   */
  degradation?(): string | null;
  /**
   * Release `id`, opened on first use. Throws `ReleaseNotFoundError` when there is none, and why it
   * cannot be served (`ReleaseVerificationError` naming each bad file) when it fails verification.
   * Absent: only the current release is served.
   */
  release?(id: string): Promise<OpenRelease>;
  /** The manifests of every release that can be listed, newest first. Absent: only the current one. */
  releases?(): Promise<readonly ReleaseManifest[]>;
  /** Re-reads the data directory's `current` pointer and switches release if it changed. */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}
