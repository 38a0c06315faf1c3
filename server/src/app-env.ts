import type { OpenRelease } from './store/duckdb-store.ts';

/** Per-request variables every route can read: the release pinned for the whole request. */
export interface AppEnv {
  Variables: { release: OpenRelease };
}
