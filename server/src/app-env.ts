import type { Caller } from './auth/caller.ts';
import type { OpenRelease } from './store/duckdb-store.ts';

/** Per-request variables every route can read: the release pinned for the whole request, and the verified caller. */
export interface AppEnv {
  Variables: { release: OpenRelease; caller: Caller };
}
