import type { AreaType } from '@pathfinder/metrics';
import type { Caller } from '../auth/caller.ts';
import type { OpenRelease } from '../store/duckdb-store.ts';

/** What every service call needs: the release pinned for the request and who is asking. */
export interface ServiceContext {
  readonly release: OpenRelease;
  readonly caller: Caller;
  /** Told the type of each area whose data goes into the answer (for the audit log). */
  readonly returned?: (type: AreaType) => void;
}
